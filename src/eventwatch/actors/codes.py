"""CAMEO actor codes: split a code into country and sectors, and compose one from them.

A CAMEO actor code is a sequence of 3-letter chunks: an ISO 3166-1 alpha-3 country (or a
transnational type such as IGO, NGO, IMG, MNC, or a region), then role/sector codes (GOV, MIL, REB,
INS, OPP, ...), then optional group codes (TAL, HMS, NAT, UNO, ...). ``AFGINSTAL`` = Afghanistan,
insurgents, Taliban; ``IGOWSTNAT`` = IGO, West, NATO.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# CAMEO primary/secondary role codes (CAMEO codebook, ch. 3; PLOVER adds JRN)
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG ELI CVL MED BUS EDU HLH LAB REF REL INS UAF CRM AGR ENV HRI "
    "DEV SEP MOD RAD AMN IRC GRN UNO JRN IGO NGO IMG MNC NGM".split()
)
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})


@dataclass(frozen=True)
class ParsedCode:
    code: str
    country: str | None
    sectors: tuple[str, ...]


def split_code(code: str) -> list[str]:
    code = code.strip().upper()
    return [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]


@lru_cache(maxsize=None)
def iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "KSV"}


@lru_cache(maxsize=None)
def legacy_codes() -> dict[str, str]:
    from pathlib import Path

    from eventwatch.resources import read_table

    rows = read_table(Path(__file__).parent / "data" / "legacy_country_codes.tsv", columns=2)
    return {old: new.strip() for old, new in rows}


@lru_cache(maxsize=8192)
def parse_code(code: str) -> ParsedCode | None:
    chunks = split_code(code)
    if not chunks:
        return None
    first = legacy_codes().get(chunks[0], chunks[0])
    country = first if first in iso3_codes() else None
    sectors = []
    for i, ch in enumerate(chunks):
        if i == 0 and country:
            continue
        if ch in SECTORS and ch not in sectors and not (ch == "UNO" and i > 0):
            sectors.append(ch)
    return ParsedCode(code=code.upper(), country=country, sectors=tuple(sectors))


def compose(country: str | None, sectors: list[str] | tuple[str, ...]) -> str | None:
    """A CAMEO code from country + first sector: ('AFG', ['GOV']) -> 'AFGGOV'."""
    if not country:
        return None
    main = [s for s in sectors if s not in TRANSNATIONAL][:1]
    return f"{country or ''}{''.join(main)}" or None


def generic_id(country: str | None, sector: str | None) -> str | None:
    """The stable id of an unnamed country-sector actor: ('AFG', 'GOV') -> 'AFG-GOV'."""
    if not country:
        return None
    return f"{country}-{sector}" if sector else f"country:{country}"
