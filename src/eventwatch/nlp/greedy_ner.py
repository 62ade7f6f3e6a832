"""The entity recogniser's greedy decoding in numpy: the same entities as spaCy's, about five times faster.

spaCy's ``EntityRecognizer`` decodes in a C loop (``Parser._parseC``): per step and document it scores
the 74 moves (B/I/L/U of each label, O) and checks which are valid. The installed spaCy 3.8 wheel is
compiled with Cython's profiling hooks, which take and release the GIL twice inside every call of the
state's token accessor (``StateC.B_``), so on Python 3.11 each validity check locks and unlocks the
interpreter's mutex: two thirds of the recogniser's time and a third of the whole model's time on news
articles (``perf``: ``pthread_mutex_lock`` under ``Begin.is_valid`` and ``Unit.is_valid``).

``GreedyNER`` replays that loop with the recogniser's own layers and weights, step by step over all
documents of a sub-batch at once, with the same arithmetic in the same order, so the entities are the
same bit for bit:

- token vectors and the precomputed lower layer come from the model's own layers (``model.layers[0]``
  and ``[1]``), called on the same sub-batches as spaCy's ``Parser.pipe`` makes (batch sorted by
  length, cut in quarters);
- a state's three features (``StateC.set_context_tokens`` for n=3: the buffer's first token, the open
  entity's first token, the token before the buffer when an entity is open) are summed into zeros in
  that order and the bias added, as ``sum_state_features`` does with ``saxpy``; maxout keeps the first
  piece only when it is strictly larger (``Vec.arg_max`` for two pieces);
- the output layer is the same ``blis`` ``sgemm`` call (``blis.py.gemm`` and thinc's ``CBlas`` both call
  ``bli_sgemm`` with the same shapes and strides), then the bias;
- a move is chosen as ``arg_max_if_valid`` does (the first best valid score), with ``BiluoPushDown``'s
  validity rules for documents without preset entities (spaCy's ``ner.pyx``): B needs a closed entity,
  two tokens left, no sentence start next and no whitespace token; I needs an open entity of that label,
  two tokens left, no sentence start next; L an open entity of that label; U a closed entity and no
  whitespace token; O a closed entity;
- the entities are written as ``BiluoPushDown.set_annotations`` writes them.

Anything else (preset entities, beam search, another feature set, more than two maxout pieces) is
handed to spaCy's recogniser unchanged. ``benchmarks/check_fast_nlp.py`` compares every token's
annotation with and without the speed-ups.
"""
from __future__ import annotations

import logging

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Span

log = logging.getLogger(__name__)

NAME = "eventwatch_greedy_ner"
B, I, L, U, O = range(5)  # move kinds, by the first letter of spaCy's move names
KINDS = {"B": B, "I": I, "L": L, "U": U}


class Unsupported(Exception):
    """A sub-batch this decoder does not reproduce: spaCy's recogniser takes it."""


def move_table(moves, strings) -> tuple[numpy.ndarray, numpy.ndarray] | None:
    """(kind, label hash) of every move of the transition system, or None if one is not B/I/L/U/O."""
    kinds, labels = [], []
    for k in range(moves.n_moves):
        name = moves.get_class_name(k)
        if name == "O":
            kinds.append(O)
            labels.append(0)
            continue
        kind, sep, label = name.partition("-")
        if not sep or kind not in KINDS or not (label or kind == "U"):
            return None
        kinds.append(KINDS[kind])
        labels.append(strings.add(label) if label else 0)  # "U-": U without a label, valid only for preset blocks
    return numpy.array(kinds, dtype=numpy.int8), numpy.array(labels, dtype=numpy.uint64)


class GreedyNER:
    """A pipeline component in place of the model's ``ner``; ``original`` is spaCy's recogniser."""

    def __init__(self, nlp: Language, name: str = NAME):
        self.name = name
        self.vocab = nlp.vocab
        self.original = None
        self.table = None

    def attach(self, original) -> bool:
        """Use ORIGINAL's weights; False (nothing changed) when its model is not one this decoder replays."""
        model = original.model
        table = move_table(original.moves, original.vocab.strings)
        lower = model.layers[1] if len(model.layers) == 3 else None
        if (table is None or original.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper")
                or lower is None or lower.get_dim("nF") != 3 or lower.get_dim("nP") != 2
                or getattr(original, "postprocesses", None)):
            return False
        self.original, self.table = original, table
        return True

    def __getattr__(self, attr):  # labels, cfg, model, ...: the original recogniser's
        if attr in ("original", "table", "name", "vocab"):
            raise AttributeError(attr)
        return getattr(self.original, attr)

    def __call__(self, doc):
        self._annotate([doc])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        """As ``Parser.pipe``: batches, each sorted by length and decoded in quarters, yielded in order."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                self._annotate(list(sub))
            yield from batch

    def _annotate(self, docs: list) -> None:
        if not any(len(d) for d in docs):
            self.original.set_annotations(docs, self.original.predict(docs))
            return
        try:
            found = self._decode(docs)
        except Unsupported:
            self.original.set_annotations(docs, self.original.predict(docs))
            return
        for doc, ents in zip(docs, found):
            doc.set_ents([Span(doc, s, e, label=lab, kb_id=doc[s].ent_kb_id) for s, e, lab in ents],
                         default="outside")

    def _decode(self, docs: list) -> list[list[tuple[int, int, int]]]:
        from thinc.api import set_dropout_rate

        columns = [d.to_array([ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]) for d in docs]
        if any(len(c) and (c[:, 0].any() or c[:, 1].any()) for c in columns):
            raise Unsupported("preset entities")
        model = self.original.model
        set_dropout_rate(model, 0.0)  # as Parser.greedy_parse does
        tokvecs = model.layers[0].predict(docs)
        cached, _ = model.layers[1](tokvecs, False)
        return Decoder(model, cached, docs, columns, self.table).run()


class Decoder:
    """The greedy loop over one sub-batch: every unfinished document moves one token per step."""

    def __init__(self, model, cached, docs, columns, table):
        lower, upper = model.layers[1], model.layers[2]
        n_f, self.n_o, n_p = cached.shape[1:]
        self.cached = cached.reshape((cached.shape[0], n_f, self.n_o * n_p))
        self.bias = lower.get_param("b").reshape(-1)
        self.weights, self.out_bias = upper.get_param("W"), upper.get_param("b")
        mask = numpy.ones(self.weights.shape[0], dtype=bool)
        for cls in model.attrs.get("unseen_classes") or ():
            mask[cls] = False
        self.unseen = ~mask if not mask.all() else None
        self.kind, self.label = table
        lengths = [len(d) for d in docs]
        self.sent_start = numpy.concatenate([c[:, 2] for c in columns]).astype(numpy.int64) if sum(lengths) else None
        self.space = numpy.concatenate([c[:, 3] for c in columns]).astype(bool) if sum(lengths) else None
        self.offsets = numpy.cumsum([0] + lengths[:-1])
        self.lengths = numpy.array(lengths)
        self.ents: list[list[tuple[int, int, int]]] = [[] for _ in docs]

    def run(self) -> list[list[tuple[int, int, int]]]:
        import blis.py

        live = numpy.flatnonzero(self.lengths > 0)   # states in spaCy's order: documents that are not empty
        b = numpy.zeros(len(live), dtype=numpy.int64)  # the buffer's first token, per state
        start = numpy.full(len(live), -1, dtype=numpy.int64)  # the open entity's first token, or -1
        label = numpy.zeros(len(live), dtype=numpy.uint64)  # the open entity's label
        is_b, is_i, is_l, is_u, is_o = (self.kind == k for k in (B, I, L, U, O))
        has_label = self.label != 0
        while len(live):
            off, n = self.offsets[live], self.lengths[live]
            at = off + b  # the buffer's first token in the sub-batch's token rows
            opened = start >= 0
            rows = numpy.stack([at + 1, numpy.where(opened, off + start + 1, 0), numpy.where(opened, at, 0)], axis=1)
            unmaxed = numpy.zeros((len(live), self.cached.shape[2]), dtype=numpy.float32)
            for f in range(3):
                unmaxed += self.cached[rows[:, f], f]
            unmaxed += self.bias
            pieces = unmaxed.reshape((len(live), self.n_o, 2))
            hidden = numpy.where(pieces[:, :, 0] > pieces[:, :, 1], pieces[:, :, 0], pieces[:, :, 1])
            scores = blis.py.gemm(numpy.ascontiguousarray(hidden), self.weights, trans2=True, beta=0.0)
            scores += self.out_bias
            if self.unseen is not None:
                scores[:, self.unseen] = scores.min()
            if not numpy.isfinite(scores).all():
                raise Unsupported("scores that are not finite")
            two_left = n - b >= 2
            nxt = numpy.minimum(at + 1, len(self.space) - 1)
            can_b = two_left & (self.sent_start[nxt] != 1) & ~self.space[at]
            can_u = ~self.space[at]
            same = self.label[None, :] == label[:, None]
            valid = numpy.where(
                opened[:, None],
                same & (is_l | (is_i & (two_left & (self.sent_start[nxt] != 1))[:, None])) & has_label,
                is_o | (has_label & ((is_u & can_u[:, None]) | (is_b & can_b[:, None]))))
            guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            self._move(live, guess, b, start, label)
            b += 1
            going = b < n
            if not going.all():
                live, b, start, label = live[going], b[going], start[going], label[going]
        return self.ents

    def _move(self, live, guess, b, start, label) -> None:
        """Apply each state's move: B opens an entity, L closes it, U is a one-token entity."""
        kind, lab = self.kind[guess], self.label[guess]
        for k in numpy.flatnonzero(kind == U).tolist():
            self.ents[live[k]].append((int(b[k]), int(b[k]) + 1, int(lab[k])))
        for k in numpy.flatnonzero(kind == L).tolist():
            self.ents[live[k]].append((int(start[k]), int(b[k]) + 1, int(label[k])))
            start[k] = -1
        opens = kind == B
        start[opens] = b[opens]
        label[opens] = lab[opens]


@Language.factory(NAME)
def _make_greedy_ner(nlp: Language, name: str):
    return GreedyNER(nlp, name)


def speed_up_ner(nlp: Language) -> Language:
    """Swap the model's ``ner`` for ``GreedyNER`` over its weights (idempotent; left as it is when the
    recogniser is not a greedy BILUO one this decoder replays)."""
    if "ner" not in nlp.pipe_names or isinstance(nlp.get_pipe("ner"), GreedyNER):
        return nlp
    original = nlp.get_pipe("ner")
    probe = GreedyNER(nlp)
    if not probe.attach(original):
        log.info("ner: not a greedy BILUO recogniser with three features; left as it is")
        return nlp
    fast = nlp.replace_pipe("ner", NAME)
    fast.attach(original)
    fast.name = "ner"
    log.info("ner: greedy decoding in numpy")
    return nlp
