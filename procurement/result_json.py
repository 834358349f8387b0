"""The evaluation as JSON, serialised from the scorecard's columns.

``Scorecard.evaluation().model_dump_json()`` builds one pydantic model per bid, and a dict
per bid is hardly cheaper: for 100,000 bids either is most of the run (issue 12 measured
5.9 s). Here the ranking is written column by column instead: orjson formats each column
of numbers at once (numpy arrays), the texts become Arrow string arrays without a Python
object per value, and Arrow joins them row-wise into the items. The text is what
``model_dump_json(indent=2)`` writes, in the same order; a test holds the two equal.
Everything but the ranking still comes from the model, validated once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from procurement.scoring.scorecard import Scorecard
from procurement.tables import arrow
from procurement.vocabulary import BidStatus

if TYPE_CHECKING:
    import pyarrow as pa

_RANKING = b'\n  "ranking": []'
_ITEM, _FIELD = " " * 4, " " * 6  # the indentation of an item, and of its fields
_CHUNK = 50_000  # rows joined at once: Arrow's string offsets stay far from 2 GiB


def evaluation_json(card: Scorecard) -> bytes:
    """The whole evaluation as indented JSON (UTF-8), as ``model_dump_json(indent=2)``."""
    return b"".join(evaluation_json_parts(card, [ranking_items(card, 0, len(card.bids))]))


def evaluation_json_parts(card: Scorecard, ranking: list[bytes]) -> list[bytes]:
    """:func:`evaluation_json` in parts to write one after the other (no copy of a 100 MB
    text): ``ranking`` is the ranking's items made already by :func:`ranking_items`, for
    consecutive ranges, perhaps by several processes."""
    import orjson

    head = orjson.dumps(card.evaluation(ranking=False).model_dump(mode="json"),
                        option=orjson.OPT_INDENT_2)
    items = [part for part in ranking if part]
    if not items:
        return [head]
    before, after = head.split(_RANKING, 1)
    separated = [piece for part in items for piece in (b",\n", part)][1:]
    return [before, b'\n  "ranking": [\n', *separated, b"\n  ]", after]


def ranking_items(card: Scorecard, start: int, stop: int) -> bytes:
    """Items ``start`` to ``stop`` of the ranking (in report order) as the indented JSON
    between the ranking's brackets; parts made for consecutive ranges join with ``,\\n``."""
    order = card.order[start:stop]
    return b",\n".join(_items(card, order[i:i + _CHUNK]) for i in range(0, len(order), _CHUNK))


def _items(card: Scorecard, order: NDArray[np.int64]) -> bytes:
    import pyarrow.compute as pc

    qualified = arrow.from_booleans(card.qualified[order])
    null = _scalar("null")
    pieces: list[Any] = [f"{_ITEM}{{\n"]

    def field(name: str, value: Any, last: bool = False) -> None:
        pieces.extend([f'{_FIELD}"{name}": ', value, "\n" if last else ",\n"])

    def numbers_field(name: str, numbers: dict[str, NDArray[Any]]) -> None:
        pieces.extend([f'{_FIELD}"{name}": ', *_mapping(numbers), ",\n"])

    bids, positions = card.bids, order.tolist()
    field("bid_id", _strings([bids.bid_ids[i] for i in positions]))
    field("supplier", _strings([bids.suppliers[i] for i in positions]))
    field("sme", pc.if_else(arrow.from_booleans(bids.sme[order]), _scalar("true"), _scalar("false")))
    field("rank", pc.if_else(qualified, _numbers(card.ranks[order]), null))
    field("total", pc.if_else(qualified, _numbers(card.totals[order]), null))
    field("status", pc.if_else(qualified, _scalar(f'"{BidStatus.RANKED.value}"'),
                               _scalar(f'"{BidStatus.DISQUALIFIED.value}"')))
    numbers_field("scores", {c: card.matrix[order, j] for j, c in enumerate(card.criteria)})
    numbers_field("raw_scores", {c.id: card.raw[c.id][order] for c in card.rubric.scale_criteria})
    field("cost", null if card.cost is None else _numbers(card.cost[order]))
    field("evaluated_cost",
          null if card.evaluated_cost is None else _numbers(card.evaluated_cost[order]))
    if card.tco is None:
        field("tco", null)
    else:
        numbers_field("tco", _tco(card, order))
    field("flags", _notes(card.flags, order))
    field("reasons", _notes(card.reasons, order), last=True)
    pieces.append(f"{_ITEM}}},\n")
    rows = pc.binary_join_element_wise(*[_scalar(p) if isinstance(p, str) else p
                                         for p in pieces], _scalar(""), null_handling="emit_null")
    return _joined(rows, len(order))


def _scalar(text: str) -> pa.Scalar:
    """A string scalar made from buffers: ``pa.scalar`` would import pandas (0.3 s)."""
    import pyarrow as pa

    data = text.encode()
    offsets = np.array([0, len(data)], dtype=np.int32)
    return pa.StringArray.from_buffers(1, pa.py_buffer(offsets), pa.py_buffer(data))[0]


def _mapping(numbers: dict[str, NDArray[Any]]) -> list[Any]:
    """An object of numbers, as orjson indents it at the fields' depth (``{}`` if empty)."""
    if not numbers:
        return ["{}"]
    import orjson

    pieces: list[Any] = ["{\n"]
    for position, (key, column) in enumerate(numbers.items()):
        pieces.extend([f"{_FIELD}  {orjson.dumps(key).decode()}: ", _numbers(column),
                       "\n" if position == len(numbers) - 1 else ",\n"])
    pieces.append(f"{_FIELD}}}")
    return pieces


def _numbers(values: NDArray[Any]) -> pa.Array:
    """Each number of ``values`` as JSON text (NaN as null), in one orjson call."""
    import orjson

    text = orjson.dumps(np.ascontiguousarray(values), option=orjson.OPT_SERIALIZE_NUMPY)[1:-1]
    return _split(text, len(values))


def _strings(values: list[str]) -> pa.Array:
    """Each string as JSON text, quotes included, from one orjson call. Inside an encoded
    string every quote is escaped (``\\"``), so a comma between two quotes (``","``)
    separates two strings and nothing else."""
    import orjson

    text = orjson.dumps(values)[1:-1]
    data = np.frombuffer(text, dtype=np.uint8)
    commas = np.flatnonzero(data[1:-1] == ord(",")) + 1
    commas = commas[(data[commas - 1] == ord('"')) & (data[commas + 1] == ord('"'))]
    return _without_separators(data, commas, len(values))


def _split(text: bytes, count: int) -> pa.Array:
    """``a,b,c`` (numbers: no comma inside one) as an Arrow string array ``[a, b, c]``."""
    data = np.frombuffer(text, dtype=np.uint8)
    return _without_separators(data, np.flatnonzero(data == ord(",")), count)


def _without_separators(data: NDArray[np.uint8], commas: NDArray[np.intp],
                        count: int) -> pa.Array:
    """The ``count`` texts of ``data`` between the separators at ``commas``, as an Arrow
    string array made from buffers (``pa.array`` would import pandas: 0.3 s)."""
    import pyarrow as pa

    assert count and len(commas) == count - 1
    offsets = np.empty(count + 1, dtype=np.int32)
    offsets[0] = 0
    offsets[1:count] = commas - np.arange(count - 1)  # each value's start, commas removed
    offsets[count] = len(data) - len(commas)
    kept = np.delete(data, commas)
    return pa.StringArray.from_buffers(count, pa.py_buffer(offsets), pa.py_buffer(kept))


def _tco(card: Scorecard, order: NDArray[np.int64]) -> dict[str, NDArray[Any]]:
    """The columns of each bid's ``tco`` object, in :class:`~.scoring.result.Tco`'s order."""
    assert card.tco is not None and card.bids.cost.term_years is not None
    tco = card.tco
    parts = {"capex": tco.capex[order], "opex_pv": tco.opex_pv[order],
             "exit_pv": tco.exit_pv[order]}
    parts["total"] = parts["capex"] + parts["opex_pv"] + parts["exit_pv"]
    parts["term_years"] = card.bids.cost.term_years[order].astype(np.int64)
    parts["discount_rate"] = np.full(len(order), card.options.discount_rate)
    return parts


def _notes(notes: dict[int, list[Any]], order: NDArray[np.int64]) -> pa.Array:
    """Each bid's notes as orjson indents them at the fields' depth; ``[]`` for most."""
    import orjson
    import pyarrow as pa

    texts: list[bytes] = [b"[]"] * len(order)
    if notes:
        noted = np.flatnonzero(np.isin(order, np.fromiter(notes, dtype=np.int64)))
        for row in noted.tolist():
            text = orjson.dumps([note.model_dump(mode="json") for note in notes[int(order[row])]],
                                option=orjson.OPT_INDENT_2)
            texts[row] = text.replace(b"\n", b"\n" + _FIELD.encode())
    return arrow.from_strings([text.decode() for text in texts]).cast(pa.string())


def _joined(rows: pa.Array, count: int) -> bytes:
    """The rows' texts one after the other, separated by ``,\\n``: the separator ends each
    row's text, so the data buffer holds it all, but for the last one's."""
    assert rows.null_count == 0 and rows.offset == 0 and len(rows) == count
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int32, count=count + 1)
    text: bytes = rows.buffers()[2].slice(offsets[0], offsets[count] - 2 - offsets[0]).to_pybytes()
    return text
