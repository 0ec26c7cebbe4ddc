"""A tiny BERT token classifier built from nothing: WordPiece trained on the corpus, random weights.

Nothing is downloaded. :func:`tiny_encoder` saves, with ``save_pretrained``, a tokenizer
whose vocabulary is learned from the given texts (case and diacritics kept) and a
randomly initialised two-layer model with the adapter's label set. With ``rules`` the
model is made deterministic: every layer's output projections are zeroed so a token's
hidden state is its own embedding, and each listed word's first sub-word gets the
embedding that the classifier reads as the word's label (every other token reads ``O``).
The model then tags known words with known labels through the real pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import torch
from tokenizers import BertWordPieceTokenizer
from transformers import BertConfig, BertForTokenClassification, PreTrainedTokenizerFast

from conflict_counts.baselines.hf.spans import LABELS

HIDDEN = 16  # >= len(LABELS): one hidden dimension a label


def train_tokenizer(texts: Iterable[str], folder: Path) -> PreTrainedTokenizerFast:
    wordpiece = BertWordPieceTokenizer(clean_text=True, strip_accents=False, lowercase=False)
    wordpiece.train_from_iterator(list(texts), vocab_size=2000, min_frequency=1,
                                  special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=wordpiece._tokenizer, model_max_length=128, unk_token="[UNK]",
        pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
    )
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(str(folder))
    return tokenizer


def tiny_encoder(folder: Path, texts: Iterable[str], rules: dict[str, str] | None = None) -> Path:
    """Save a tiny token classifier in ``folder``; ``rules`` maps words to the label they get."""
    tokenizer = train_tokenizer(texts, folder)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size, hidden_size=HIDDEN, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=128, type_vocab_size=1,
        hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0,
        id2label=dict(enumerate(LABELS)), label2id={label: i for i, label in enumerate(LABELS)},
    )
    model = BertForTokenClassification(config)
    if rules is not None:
        _make_deterministic(model, tokenizer, rules)
    model.save_pretrained(str(folder))
    return folder


@torch.no_grad()
def _make_deterministic(model: BertForTokenClassification, tokenizer: PreTrainedTokenizerFast,
                        rules: dict[str, str]) -> None:
    embeddings = model.bert.embeddings
    embeddings.position_embeddings.weight.zero_()
    embeddings.token_type_embeddings.weight.zero_()
    for layer in model.bert.encoder.layer:
        for projection in (layer.attention.output.dense, layer.output.dense):
            projection.weight.zero_()
            projection.bias.zero_()
    words = embeddings.word_embeddings.weight
    words.zero_()
    words[:, 0] = 10.0  # every token reads as O ...
    for word, label in rules.items():
        first = tokenizer.convert_tokens_to_ids(tokenizer.tokenize(word)[0])
        words[first, 0] = 0.0
        words[first, LABELS.index(label)] = 10.0  # ... but the first sub-word of a listed word
    model.classifier.weight.zero_()
    model.classifier.bias.zero_()
    model.classifier.weight[:, : len(LABELS)] = torch.eye(len(LABELS))
