"""Fine-tune a local encoder on the ``tokens`` config leave-one-document-out; predict every fold.

The recipe for putting a fine-tuned encoder (XLM-R, NorBERT, KB-BERT, any checkpoint
folder on disk) on the leaderboard: for each document, a copy of the checkpoint is
fine-tuned with the ``transformers`` Trainer on the sentences of every *other* fold
(entity BIO tags and claim ``NUM`` tags merged into one tag set), saved, and run with the
``hf`` extractor on the held-out document only. The predictions of all folds go to one
JSON Lines file, which ``conflict-counts score`` scores like any baseline's:

    python scripts/train_hf.py --checkpoint PATH --out hf.jsonl [--epochs 3] [--work DIR]
    conflict-counts score --pred hf.jsonl

Nothing is downloaded: the checkpoint and its tokenizer (a fast one) must be on disk.
Needs the ``hf`` extra.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from conflict_counts.baselines.hf.spans import LABELS
from conflict_counts.baselines.training import GoldData
from conflict_counts.dataset import Dataset
from conflict_counts.labels import NER_TAGS
from conflict_counts.layout import DATASET_DIR
from conflict_counts.predictions.writer import write_jsonl


def tags(ner_tags: list[int], claim_tags: list[int]) -> list[int]:
    """One tag a token in LABELS: the entity tag, else the claim tag (claims rarely overlap names)."""
    return [ner if ner else (len(NER_TAGS) + claim - 1 if claim else 0)
            for ner, claim in zip(ner_tags, claim_tags, strict=True)]


def training_sentences(gold: GoldData, held_out: str) -> list[tuple[list[str], list[int]]]:
    """Words and tags of every sentence outside the fold of ``held_out``."""
    folds = dict(zip(gold.documents["doc_id"].astype(str), gold.documents["fold"], strict=True))
    keep = gold.tokens[gold.tokens["doc_id"].astype(str).map(folds) != folds[held_out]]
    keep = keep.sort_values(["doc_id", "sentence_id"])
    return [(list(map(str, t)), tags(list(n), list(c)))
            for t, n, c in zip(keep["tokens"], keep["ner_tags"], keep["claim_tags"], strict=True)]


def encode(tokenizer, sentences: list[tuple[list[str], list[int]]]) -> list[dict]:
    """Sub-word inputs; a word's tag on its first sub-word, -100 (ignored) elsewhere."""
    examples = []
    for words, word_tags in sentences:
        encoded = tokenizer(words, is_split_into_words=True, truncation=True)
        previous, labels = None, []
        for word in encoded.word_ids():
            labels.append(-100 if word is None or word == previous else word_tags[word])
            previous = word
        examples.append({**encoded, "labels": labels})
    return examples


def fine_tune(checkpoint: Path, sentences, target: Path, args: argparse.Namespace) -> Path:
    import torch
    from transformers import (
        AutoModelForTokenClassification,
        AutoTokenizer,
        DataCollatorForTokenClassification,
        Trainer,
        TrainingArguments,
    )

    torch.manual_seed(args.seed)
    tokenizer = AutoTokenizer.from_pretrained(str(checkpoint))
    model = AutoModelForTokenClassification.from_pretrained(
        str(checkpoint), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)}, ignore_mismatched_sizes=True,
    )
    training = TrainingArguments(
        output_dir=str(target / "trainer"), num_train_epochs=args.epochs, max_steps=args.max_steps,
        learning_rate=args.learning_rate, per_device_train_batch_size=args.batch_size, seed=args.seed,
        save_strategy="no", report_to=[], use_cpu=True, disable_tqdm=True, logging_strategy="no",
    )
    trainer = Trainer(model=model, args=training, train_dataset=encode(tokenizer, sentences),
                      data_collator=DataCollatorForTokenClassification(tokenizer))
    trainer.train()
    trainer.save_model(str(target))
    tokenizer.save_pretrained(str(target))
    return target


def run(args: argparse.Namespace) -> int:
    from conflict_counts.baselines.hf.adapter import HFExtractor, check_model_folder

    checkpoint = Path(args.checkpoint)
    if not (checkpoint / "config.json").is_file():
        print(f"error: {checkpoint}: no config.json (a local checkpoint folder)", file=sys.stderr)
        return 2
    gold = GoldData.load(args.gold)
    documents = Dataset(args.gold).documents()
    with tempfile.TemporaryDirectory(prefix="train-hf-") as scratch:
        work = Path(args.work) if args.work else Path(scratch)
        records = []
        for document in documents:
            sentences = training_sentences(gold, document.doc_id)
            model = fine_tune(checkpoint, sentences, work / document.doc_id, args)
            extractor = HFExtractor(check_model_folder(model))
            records += list(extractor.predict([document]))
            found = f"{len(records[-1]['mentions'])} mentions, {len(records[-1]['claims'])} claims"
            trained = f"trained on {len(sentences)} sentences of the other folds"
            print(f"fold {document.doc_id}: {trained}, {found}", file=sys.stderr)
        write_jsonl(records, args.out)
    print(f"{len(records)} documents -> {args.out}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--checkpoint", required=True,
                   help="local model folder (any encoder with a fast tokenizer)")
    p.add_argument("--out", required=True, help="predictions file to write (JSON Lines)")
    p.add_argument("--gold", default=str(DATASET_DIR), help="built dataset (default: dataset/)")
    p.add_argument("--work", help="keep the fold models here (default: a temporary folder)")
    p.add_argument("--epochs", type=float, default=3.0)
    p.add_argument("--max-steps", type=int, default=-1, help="stop each fold after this many steps")
    p.add_argument("--learning-rate", type=float, default=5e-5)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--seed", type=int, default=0)
    return p


if __name__ == "__main__":
    sys.exit(run(parser().parse_args()))
