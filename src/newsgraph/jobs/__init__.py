"""Jobs over many articles: the batch runner (``batch``) and wire-copy clustering (``dedup``)."""
