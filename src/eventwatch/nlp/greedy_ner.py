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
JOINT_TOKENS = 20_000  # tokens of the sub-batches decoded side by side (about 30 MB of precomputed features)


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
        self._annotate([[doc]])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        """As ``Parser.pipe``: batches, each sorted by length and cut in quarters (spaCy predicts each
        quarter on its own; here the quarters' token vectors are computed on their own, the same way, and
        their documents decoded side by side), yielded in order."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            self._annotate([list(sub) for sub in minibatch(by_length, size=max(batch_size // 4, 2))])
            yield from batch

    def _annotate(self, subs: list[list]) -> None:
        """Annotate sub-batches: those this decoder replays side by side (up to JOINT_TOKENS tokens at a time,
        so that at most that many tokens' precomputed features, 1.5 kB each, are held at once; a longer
        sub-batch is decoded on its own, as spaCy does), the others by spaCy's recogniser."""
        joint, size = [], 0
        for docs in subs:
            columns = [d.to_array([ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]) for d in docs]
            if not any(len(d) for d in docs) or any(len(c) and (c[:, 0].any() or c[:, 1].any()) for c in columns):
                self._by_spacy(docs)  # nothing to decode, or preset entities
                continue
            n = sum(len(d) for d in docs)
            if joint and size + n > JOINT_TOKENS:
                self._decode(joint)
                joint, size = [], 0
            joint.append((docs, columns))
            size += n
        if joint:
            self._decode(joint)

    def _decode(self, groups: list[tuple[list, list]]) -> None:
        try:
            found = Decoder(self.original.model, self._precompute([g[0] for g in groups]), groups, self.table).run()
        except Unsupported:
            for docs, _ in groups:
                self._by_spacy(docs)
            return
        for doc, ents in zip([d for docs, _ in groups for d in docs], found):
            doc.set_ents([Span(doc, s, e, label=lab, kb_id=doc[s].ent_kb_id) for s, e, lab in ents],
                         default="outside")

    def _by_spacy(self, docs: list) -> None:
        self.original.set_annotations(docs, self.original.predict(docs))

    def _precompute(self, subs: list[list]) -> list:
        """The lower layer's precomputed features of each sub-batch, as ``ParserStepModel`` computes them."""
        from thinc.api import set_dropout_rate

        model = self.original.model
        set_dropout_rate(model, 0.0)  # as Parser.greedy_parse does
        return [model.layers[1](model.layers[0].predict(docs), False)[0] for docs in subs]


class Decoder:
    """The greedy loop over sub-batches side by side: every unfinished document moves one token per step.

    Rows of ``cached`` are the sub-batches' precomputed arrays one after the other, each with its
    padding row first; ``tok`` indexes the documents' tokens one after the other."""

    def __init__(self, model, cached: list, groups: list[tuple[list, list]], table):
        lower, upper = model.layers[1], model.layers[2]
        n_f, self.n_o, n_p = cached[0].shape[1:]
        flat = [c.reshape((c.shape[0], n_f, self.n_o * n_p)) for c in cached]
        self.cached = flat[0] if len(flat) == 1 else numpy.concatenate(flat)
        self.bias = lower.get_param("b").reshape(-1)
        self.weights, self.out_bias = upper.get_param("W"), upper.get_param("b")
        unseen = sorted(model.attrs.get("unseen_classes") or ())
        self.unseen = unseen or None
        self.kind, self.label = table
        docs = [d for g in groups for d in g[0]]
        columns = [c for g in groups for c in g[1]]
        self.lengths = numpy.array([len(d) for d in docs], dtype=numpy.int64)
        self.tok = numpy.cumsum([0] + [len(d) for d in docs[:-1]]).astype(numpy.int64)
        self.group = numpy.repeat(numpy.arange(len(groups)), [len(g[0]) for g in groups])
        bases = numpy.cumsum([0] + [c.shape[0] for c in cached[:-1]])  # each sub-batch's padding row
        local = numpy.concatenate([numpy.cumsum([0] + [len(d) for d in g[0][:-1]]) for g in groups])
        self.pad = bases[self.group]
        self.row = self.pad + 1 + local  # the row of each document's first token
        end = [numpy.zeros(1, dtype=numpy.int64)]  # past the last token (read only together with "two tokens left")
        self.sent_start = numpy.concatenate([c[:, 2].astype(numpy.int64) for c in columns] + end)  # 1, -1 or 0
        self.space = numpy.concatenate([c[:, 3].astype(numpy.int64) for c in columns] + end).astype(bool)
        self.ents: list[list[tuple[int, int, int]]] = [[] for _ in docs]

    def run(self) -> list[list[tuple[int, int, int]]]:
        live = numpy.flatnonzero(self.lengths > 0)   # states in spaCy's order: documents that are not empty
        b = numpy.zeros(len(live), dtype=numpy.int64)  # the buffer's first token, per state
        start = numpy.full(len(live), -1, dtype=numpy.int64)  # the open entity's first token, or -1
        label = numpy.zeros(len(live), dtype=numpy.uint64)  # the open entity's label
        kind = self.kind
        is_b, is_i, is_l, is_u, is_o = (kind == k for k in (B, I, L, U, O))
        has_label = self.label != 0
        closed_base = is_o
        while len(live):
            scores = self._scores(live, b, start)
            at = self.tok[live] + b
            opened = start >= 0
            next_ok = (self.lengths[live] - b >= 2) & (self.sent_start[at + 1] != 1)
            not_space = ~self.space[at]
            same = (self.label[None, :] == label[:, None]) & has_label
            valid = numpy.where(
                opened[:, None],
                same & (is_l | (is_i & next_ok[:, None])),
                closed_base | (has_label & ((is_u & not_space[:, None]) | (is_b & (next_ok & not_space)[:, None]))))
            guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            self._move(live, kind[guess], self.label[guess], b, start, label)
            b += 1
            going = b < self.lengths[live]
            if not going.all():
                live, b, start, label = live[going], b[going], start[going], label[going]
        return self.ents

    def _scores(self, live, b, start) -> numpy.ndarray:
        """Every state's move scores, as ``predict_states`` computes them."""
        import blis.py

        at, pad = self.row[live] + b, self.pad[live]
        opened = start >= 0
        cached = self.cached
        unmaxed = numpy.zeros((len(live), cached.shape[2]), dtype=numpy.float32)
        unmaxed += cached[at, 0]
        unmaxed += cached[numpy.where(opened, self.row[live] + start, pad), 1]
        unmaxed += cached[numpy.where(opened, at - 1, pad), 2]
        unmaxed += self.bias
        pieces = unmaxed.reshape((len(live), self.n_o, 2))
        hidden = numpy.where(pieces[:, :, 0] > pieces[:, :, 1], pieces[:, :, 0], pieces[:, :, 1])
        scores = numpy.empty((len(live), self.weights.shape[0]), dtype=numpy.float32)
        groups = self.group[live]
        cuts = numpy.flatnonzero(groups[1:] != groups[:-1]) + 1
        for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(live)]):  # one product per sub-batch, as spaCy
            part = scores[lo:hi]
            blis.py.gemm(hidden[lo:hi], self.weights, out=part, trans2=True, beta=0.0)
            part += self.out_bias
            if self.unseen is not None:
                part[:, self.unseen] = part.min()
        if not numpy.isfinite(scores).all():
            raise Unsupported("scores that are not finite")
        return scores

    def _move(self, live, kind, lab, b, start, label) -> None:
        """Apply each state's move: B opens an entity, L closes it, U is a one-token entity."""
        ending = (kind == U) | (kind == L)
        if ending.any():
            for k in numpy.flatnonzero(ending).tolist():
                first = int(b[k]) if kind[k] == U else int(start[k])
                self.ents[live[k]].append((first, int(b[k]) + 1, int(lab[k] if kind[k] == U else label[k])))
            start[kind == L] = -1
        opens = kind == B
        if opens.any():
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
