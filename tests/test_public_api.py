import newsgraph


def test_public_api_all_names_exist() -> None:
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name


def test_public_api_all_is_unique() -> None:
    assert len(set(newsgraph.__all__)) == len(newsgraph.__all__)
