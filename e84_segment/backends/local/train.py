"""Train the building model on this machine.

The defaults are the recommendation: with no epoch count, training runs as many epochs as fit in
``time_limit_min`` minutes, with the learning rate following a cosine over that time. After every
epoch the validation split is scored (pixel accuracy, mIoU, building IoU, precision, recall); the
best model so far is written to the output file, and a checkpoint beside it (written every minute
and on cancel) lets a cancelled or crashed run resume.

Each epoch also counts the validation tiles' buildings found (object F1, SpaceNet's IoU >= 0.5 rule
on the tiles' pixels, touching buildings separated as polygonize does): the figure the analyst cares
about, measured where training can measure it. With ``average_decay``, what is scored and saved is a
running average of the weights (an exponential moving average) instead of the last step's weights.

Which weights the model file keeps (``keep``): the best validation epoch, the last epoch, or the
weights averaged over the last part of the cosine schedule (stochastic weight averaging, SWA, with
batch-norm statistics measured again on the training chips). One to twelve validation chips make
"best" a lottery: docs/model-choices.md compares the three on areas the models never saw.

Neighbours apart: background pixels between two buildings a few pixels apart (and the one-pixel
walls the dataset draws between touching buildings) weigh ``contact_weight`` times in the loss, as
U-Net's weight map does, so the probability falls between roofs and polygonize's separation finds
the valley.
"""
import copy
import math
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Dict, Optional, Tuple

import numpy as np
import torch
from torch.nn import functional as F

from ... import metadata
from ...core import dataset, instances, metrics
from . import augment, data, finetune, modelfile
from .model import ENCODER, MEAN, PRETRAINED, STD, SegmentationNet, normalise
from ...core.sentence import said

CHECKPOINT_SUFFIX = ".checkpoint"
WARMUP_FRACTION = 0.03
# Validation at most this often (a share of the time budget), plus the last epoch: on small datasets an
# epoch is two steps, and scoring it every time cost a third of the training time (make bench-throughput).
VALIDATE_EVERY_FRACTION = 0.01
KEEP_CHOICES = ("best", "last", "swa")
# SWA averages the weights at the end of each epoch in this last share of training.
SWA_FRACTION = 0.25
# Background pixels with a building at most this many pixels away on both sides (along a row or a
# column) are contact pixels: gaps up to 2 x CONTACT_REACH_PX - 1 wide (0.75 m at z20).
CONTACT_REACH_PX = 3
CONTACT = 2  # the training target's value for them (never written to a dataset)
# Buildings smaller than this are left out of the validation object counts, as polygonize's default.
MIN_BUILDING_M2 = 4.0


@dataclass
class TrainOptions:
    epochs: int = 0  # 0: as many as fit in time_limit_min
    time_limit_min: float = 15.0
    batch_size: int = 8
    learning_rate: float = 1e-3
    initialisation: str = PRETRAINED
    # A key of model.ENCODERS: lite1 and lite2 are candidates for more capacity (docs/model-choices.md).
    encoder: str = ENCODER
    seed: int = 0
    resume: bool = False
    base_model: Optional[str] = None  # fine-tune from this model file instead of the encoder's weights
    augment: str = "photometric"  # a key of augment.PIPELINES; colour and texture too (docs/model-choices.md)
    # > 0: score and keep an average of the weights over about 1 / (1 - decay) steps. A candidate: it did
    # not help on the left-out areas (docs/model-choices.md).
    average_decay: float = 0.0
    # > 0: pixels this close (in pixels) to an outline count in no loss, since hand-drawn OSM outlines are
    # often offset by a few pixels. A candidate (docs/model-choices.md).
    edge_ignore_px: int = 0
    # What the model file holds: "best" validation epoch, "last" epoch, or "swa" (weights averaged over the
    # last SWA_FRACTION of training). A review keeps the last: its chips' scores would keep the first epoch
    # (the base model, nearly), which fits the already-predicted outlines best.
    keep: str = "last"
    # Loss weight of contact pixels (background between close buildings); 1 weighs them as any pixel.
    contact_weight: float = 5.0
    # bfloat16 autocast where the CPU has native bfloat16 (AMX or AVX-512 BF16) or on a GPU that has it.
    mixed_precision: bool = True
    # Other datasets' training chips learned alongside (replay): a review's few chips next to the chips the
    # base model learned from, so it adds what the analyst decided instead of unlearning the rest.
    replay: Tuple[str, ...] = ()
    # A checkpoint is 15 MB: at most one this often (checked after each epoch; 0: every epoch), and on
    # cancel. A SageMaker spot job, whose container never sees the reclaim coming, asks for shorter.
    checkpoint_every_s: float = 60.0


@dataclass
class TrainResult:
    model_path: Optional[Path]
    meta: dict
    cancelled: bool


class WeightAverage:
    """An exponential moving average of a model's weights and batch-norm statistics."""

    def __init__(self, model: torch.nn.Module, decay: float):
        self.decay = decay
        self.model = copy.deepcopy(model) if decay else model
        self.steps = 0
        # state_dict() tensors share the modules' storage: updating them in place updates the modules.
        self._pairs = list(zip(self.model.state_dict().values(), model.state_dict().values()))

    def update(self) -> None:
        if not self.decay:
            return
        self.steps += 1
        # Early on, the average would remember the random decoder: it follows faster at first.
        decay = min(self.decay, (1 + self.steps) / (10 + self.steps))
        with torch.no_grad():
            for mine, theirs in self._pairs:
                if mine.dtype.is_floating_point:
                    mine.lerp_(theirs, 1 - decay)
                else:
                    mine.copy_(theirs)


def checkpoint_path(output: Path) -> Path:
    return Path(output).with_name(Path(output).name + CHECKPOINT_SUFFIX)


def device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def has_native_bfloat16(dev: torch.device) -> bool:
    """Whether bfloat16 arithmetic is native here; emulated, it is slower than float32."""
    if dev.type == "cuda":
        return torch.cuda.is_bf16_supported()
    cpu = getattr(torch, "cpu", None)
    probes = [getattr(cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")]
    return any(probe() for probe in probes if probe is not None)


class StochasticWeightAverage:
    """The mean of the weights at the end of each epoch of the last part of training (Izmailov et al.
    2018); batch-norm statistics are measured again on the training chips for the averaged weights."""

    def __init__(self, model: torch.nn.Module):
        self.model = copy.deepcopy(model)
        self.count = 0

    def add(self, model: torch.nn.Module) -> None:
        self.count += 1
        with torch.no_grad():
            for mine, theirs in zip(self.model.state_dict().values(), model.state_dict().values()):
                if mine.dtype.is_floating_point:
                    mine.lerp_(theirs, 1.0 / self.count)  # a running mean; the first one is copied

    def measure_batch_norm(self, chips: "data.ChipSet", batch_size: int, dev: torch.device) -> None:
        norms = [m for m in self.model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
        momenta = [norm.momentum for norm in norms]
        for norm in norms:
            norm.reset_running_stats()
            norm.momentum = None  # a cumulative mean over every batch
        self.model.train()
        with torch.no_grad():
            for images, _ in chips.batches(batch_size):
                self.model(network_input(images, dev))
        for norm, momentum in zip(norms, momenta):
            norm.momentum = momentum


def network_input(images: np.ndarray, dev: torch.device) -> torch.Tensor:
    """uint8 N,H,W,3 chips as the network takes them: normalised, channels-last (its memory format)."""
    return normalise(torch.from_numpy(images).to(dev)).contiguous(memory_format=torch.channels_last)


def process_group() -> Tuple[int, int]:
    """(rank, world size) when ``torch.distributed`` was set up by the caller (SageMaker's entry point
    on several GPUs or instances), else (0, 1)."""
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank(), torch.distributed.get_world_size()
    return 0, 1


def from_lead(value: float, dev: torch.device) -> float:
    """Rank 0's value on every rank: replicas stay identical only if all of them take the same
    learning rate and stop after the same step, and time runs differently on each."""
    tensor = torch.tensor([float(value)], dtype=torch.float64, device=dev)
    torch.distributed.broadcast(tensor, 0)
    return float(tensor.item())


def loss_fn(logits: torch.Tensor, target: torch.Tensor, contact_weight: float = 1.0) -> torch.Tensor:
    """Cross-entropy plus soft Dice on the building class; 255 (no imagery) counts in neither. CONTACT
    pixels are background whose cross-entropy weighs ``contact_weight``."""
    logits = logits.float()
    contact = target == CONTACT
    weighted = bool(contact.any())
    if weighted:
        target = target.masked_fill(contact, 0)
    valid = (target != metrics.IGNORE).float()
    if weighted and contact_weight != 1.0:
        weight = (1.0 + (contact_weight - 1.0) * contact.float()) * valid
        pixel_ce = F.cross_entropy(logits, target, ignore_index=metrics.IGNORE, reduction="none")
        ce = (pixel_ce * weight).sum() / weight.sum().clamp(min=1)
    else:
        ce = F.cross_entropy(logits, target, ignore_index=metrics.IGNORE)
    building = torch.softmax(logits, dim=1)[:, 1] * valid
    truth = (target == 1).float() * valid
    dice = 1 - (2 * (building * truth).sum() + 1) / (building.sum() + truth.sum() + 1)
    return ce + dice


def _within(mask: np.ndarray, axis: int, reach: int, forward: bool) -> np.ndarray:
    """Pixels with a True of ``mask`` at most ``reach`` pixels before (or after) them along ``axis``."""
    found = np.zeros_like(mask)
    length = mask.shape[axis]
    for k in range(1, min(reach, length - 1) + 1):
        source = [slice(None)] * mask.ndim
        target = [slice(None)] * mask.ndim
        source[axis], target[axis] = (slice(0, length - k), slice(k, None)) if forward else (slice(k, None), slice(0, length - k))
        found[tuple(target)] |= mask[tuple(source)]
    return found


def gaps(building: np.ndarray, reach: int) -> np.ndarray:
    """Non-building pixels of (N, H, W) ``building`` with a building at most ``reach`` pixels away on both
    sides, along a row or a column: the gaps between neighbours."""
    found = np.zeros_like(building)
    for axis in (1, 2):
        found |= ~building & _within(building, axis, reach, True) & _within(building, axis, reach, False)
    return found


def contact_targets(masks: np.ndarray, reach: int = CONTACT_REACH_PX) -> np.ndarray:
    """Masks (N, H, W) with the background pixels between close buildings set to CONTACT."""
    out = masks.copy()
    out[gaps(masks == 1, reach) & (masks == 0)] = CONTACT
    return out


def ignore_edges(masks: np.ndarray, px: int) -> np.ndarray:
    """Masks (N, H, W) with the pixels within ``px`` of a building outline set to IGNORE, on both sides,
    except background between two buildings less than 4 x ``px`` apart: those gaps are what teaches
    the network to keep neighbours apart, and an ignored gap merges them."""
    if px <= 0:
        return masks
    building, valid = masks == 1, masks != metrics.IGNORE
    band = np.zeros_like(building)
    for axis in (1, 2):
        outline = building != np.roll(building, 1, axis=axis)
        first = [slice(None)] * 3
        first[axis] = slice(0, 1)
        outline[tuple(first)] = False  # np.roll wraps the far edge round: no outline there
        outline &= valid & np.roll(valid, 1, axis=axis)
        # An outline between pixels i-1 and i: the px pixels on each side of it.
        band |= outline | _within(outline, axis, px - 1, True) | _within(outline, axis, px, False)
    out = masks.copy()
    out[band & ~gaps(building, 2 * px)] = metrics.IGNORE
    return out


def learning_rate(base: float, fraction: float) -> float:
    if fraction < WARMUP_FRACTION:
        return base * max(fraction / WARMUP_FRACTION, 0.05)
    return base * 0.5 * (1 + math.cos(math.pi * min(fraction, 1.0)))


def min_building_pixels(zoom: int, tile_size: int) -> int:
    """MIN_BUILDING_M2 in pixels of a chip (Web Mercator's pixel at the equator: a lower bound)."""
    pixel = 40075016.686 / (tile_size * 2 ** zoom)
    return max(1, int(MIN_BUILDING_M2 / pixel ** 2))


def evaluate(model: torch.nn.Module, chips: data.ChipSet, batch_size: int, dev: torch.device, min_pixels: int = 1) -> dict:
    """Pixel scores and object counts (tp, fp, fn, object_f1) of ``model`` on ``chips``."""
    model.eval()
    matrix = np.zeros((2, 2), dtype=np.int64)
    objects = {"tp": 0, "fp": 0, "fn": 0}
    with torch.inference_mode():
        for start, (images, masks) in zip(range(0, len(chips), batch_size), chips.batches(batch_size)):
            probability = torch.softmax(model(network_input(images, dev)), dim=1)[:, 1].float().cpu().numpy()
            predicted = (probability >= 0.5).astype(np.uint8)
            matrix += metrics.confusion(predicted, masks)
            for index, (building, chance, truth) in enumerate(zip(predicted, probability, masks), start=start):
                found = instances.separate(building.astype(bool) & (truth != metrics.IGNORE), np.round(chance * 255))
                for key, value in metrics.object_counts(found, chips.buildings(index), min_pixels).items():
                    objects[key] += value
    return dict(metrics.scores(matrix), **objects, object_f1=metrics.f1(objects))


def train(
    dataset_dir: Path,
    output: Path,
    options: TrainOptions,
    report: Callable[[str], None] = print,
    progress: Callable[[float], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
    also_save: Optional[Dict[str, Path]] = None,
) -> TrainResult:
    """Trains on ``dataset_dir`` and writes the model ``options.keep`` chooses to ``output``; ``also_save``
    maps other choices of KEEP_CHOICES to files that get them too (to compare ways of choosing)."""
    dataset_dir, output = Path(dataset_dir), Path(output)
    if options.keep not in KEEP_CHOICES:
        raise ValueError(f"keep must be one of {KEEP_CHOICES}, not {options.keep!r}")
    also_save = {k: Path(v) for k, v in (also_save or {}).items() if k != options.keep}
    info = data.check_dataset(dataset_dir)
    target = _training_target(options)
    replayed = tuple(Path(folder) for folder in options.replay)
    for folder in replayed:
        other = data.check_dataset(folder)
        if other["tile_size"] != info["tile_size"]:
            raise said(
                data.DatasetFolderError, "{folder} has {other_size} px chips and {dataset_dir} {tile_size} px: replay a dataset of the same "
                                         "chip size",
                folder=folder, other_size=other["tile_size"], dataset_dir=dataset_dir, tile_size=info["tile_size"],
            )
    train_set = data.ChipSet(dataset_dir, dataset.SPLITS[0], target=target, also=replayed)
    validation_set = data.ChipSet(dataset_dir, dataset.SPLITS[1])
    if len(train_set) == 0:
        raise said(
            data.DatasetFolderError, "{dataset_dir} has no training chips: build a dataset with a larger AOI",
            dataset_dir=dataset_dir,
        )
    dataset_id = data.fingerprint(dataset_dir)
    dev = device()
    rank, world = process_group()
    lead = rank == 0  # the one process that scores, reports and writes files
    torch.set_num_threads(max(1, (os.cpu_count() or 1) // (world if dev.type == "cpu" else 1)))
    mixed = options.mixed_precision and has_native_bfloat16(dev)
    torch.manual_seed(options.seed)
    rng = np.random.default_rng(options.seed)  # the chips' order: the same on every rank
    augment_rng = np.random.default_rng([options.seed, rank]) if world > 1 else None

    lineage = None
    if options.base_model:
        base_state, lineage = finetune.load_base(Path(options.base_model), info, report)
        model = SegmentationNet(2, "scratch", lineage["encoder"])  # the base's weights replace every one of them
        try:
            model.load_state_dict(base_state, strict=True)
        except RuntimeError as error:
            raise finetune.IncompatibleBase(f"{options.base_model} does not fit this plugin's network: {error}") from error
        model = model.to(dev)
        report(f"Fine-tuning {Path(options.base_model).name} (fingerprint {lineage['base_fingerprint']})")
    else:
        model = SegmentationNet(2, options.initialisation, options.encoder).to(dev)
    # Channels-last convolutions are oneDNN's fast path on a CPU and use a GPU's tensor cores.
    model = model.to(memory_format=torch.channels_last)
    # Data-parallel: every rank steps on its own batches; DistributedDataParallel averages the gradients.
    trained = torch.nn.parallel.DistributedDataParallel(model, device_ids=[dev.index] if dev.type == "cuda" else None) if world > 1 else model
    optimiser = torch.optim.AdamW(model.parameters(), lr=options.learning_rate, weight_decay=1e-4)
    averaged = WeightAverage(model, options.average_decay)
    swa = StochasticWeightAverage(model) if options.keep == "swa" or "swa" in also_save else None
    state = {"epoch": 0, "elapsed": 0.0, "history": [], "best": None, "validated_at": 0.0}
    checkpoint = checkpoint_path(output)
    if options.resume and checkpoint.is_file():
        saved = modelfile.read(checkpoint)
        if saved["meta"]["dataset"]["fingerprint"] != dataset_id:
            raise said(
                data.DatasetFolderError, "{checkpoint} was made on another dataset: train afresh (resume off)",
                checkpoint=checkpoint,
            )
        model.load_state_dict(saved["state_dict"])
        optimiser.load_state_dict(saved["optimiser"])
        progress_saved = dict(saved["progress"])
        averaged.steps = progress_saved.pop("average_steps", 0)
        if "average" in saved and options.average_decay:
            averaged.model.load_state_dict(saved["average"])
        if swa is not None and "swa" in saved:
            swa.model.load_state_dict(saved["swa"])
            swa.count = progress_saved.pop("swa_count", 0)
        progress_saved.pop("swa_count", None)
        state.update(progress_saved)
        report(f"Resuming after epoch {state['epoch']} ({state['elapsed'] / 60:.1f} min trained)")
        _adopt_later_best(state, output, options.keep, report)

    encoder = lineage["encoder"] if lineage else options.encoder
    meta = {
        "created_by": f"e84_segment {metadata.version()}",
        "architecture": f"unet-{encoder}",
        "encoder": encoder,
        "initialisation": "fine-tuned" if lineage else options.initialisation,
        "classes": [c["name"] for c in dataset.CLASSES],
        "ignore_value": metrics.IGNORE,
        "zoom": info["zoom"],
        "tile_size": info["tile_size"],
        "normalisation": {"scale": 255.0, "mean": list(MEAN), "std": list(STD)},
        "dataset": {"fingerprint": dataset_id, "path": str(dataset_dir), "counts": info["counts"]},
        "options": asdict(options),
        "precision": "bfloat16 autocast" if mixed else "float32",
    }
    if lineage:
        meta["lineage"] = lineage
    if world > 1:
        meta["data_parallel_processes"] = world
    if not lead:
        report = lambda line: None  # noqa: E731 (one voice in the log)
    budget = options.time_limit_min * 60.0
    min_pixels = min_building_pixels(info["zoom"], info["tile_size"])
    # Scores count the masks as drawn, not the loss's targets.
    own_chips = data.ChipSet(dataset_dir, dataset.SPLITS[0]) if replayed or (target and not len(validation_set)) else train_set
    scored_set, measured_on = (validation_set, "validation") if len(validation_set) else (own_chips, "training")
    replay_note = f" ({len(train_set) - len(own_chips)} of them replayed from {', '.join(map(str, replayed))})" if replayed else ""

    def score(weights: torch.nn.Module, losses: list) -> dict:
        entry = {"epoch": state["epoch"], "minutes": round(state["elapsed"] / 60, 3)}
        if losses:
            entry["train_loss"] = float(np.mean(losses))
        scores = evaluate(weights, scored_set, options.batch_size, dev, min_pixels)
        return dict(entry, **{k: round(v, 5) for k, v in scores.items()}, measured_on=measured_on)

    def save(path: Path, weights: torch.nn.Module, best: dict) -> None:
        modelfile.save(path, weights, dict(meta, history=state["history"], best=best, trained_minutes=round(state["elapsed"] / 60, 3)))

    report(
        f"Training on {len(train_set)} chips{replay_note}, "
        + (f"validating on {len(validation_set)}, " if len(validation_set) else "no validation split: scores are on the training chips, ")
        + f"{dev.type}, "
        + (f"{options.epochs} epochs" if options.epochs else f"as many epochs as fit in {options.time_limit_min:g} min")
    )
    was_cancelled = False
    epoch_seconds = 0.0
    losses = []  # since the last validation
    last_checkpoint = time.perf_counter()
    while True:
        done_fraction = state["epoch"] / options.epochs if options.epochs else state["elapsed"] / budget
        finished = (options.epochs and state["epoch"] >= options.epochs) or (
            not options.epochs and state["elapsed"] + 0.5 * epoch_seconds >= budget)
        if (from_lead(finished, dev) if world > 1 else finished):
            break
        started = time.perf_counter()
        trained.train()
        for images, masks in train_set.batches(options.batch_size, rng, augment.PIPELINES[options.augment], (rank, world), augment_rng):
            if cancelled():
                was_cancelled = True
                break
            now = state["elapsed"] + time.perf_counter() - started
            fraction = done_fraction if options.epochs else now / budget
            if world > 1:
                fraction = from_lead(fraction, dev)
            for group in optimiser.param_groups:
                group["lr"] = learning_rate(options.learning_rate, fraction)
            x = network_input(images, dev)
            y = torch.from_numpy(masks.astype(np.int64)).to(dev)
            with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=mixed):
                logits = trained(x)
            loss = loss_fn(logits, y, options.contact_weight)
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
            averaged.update()
            losses.append(loss.item())
            progress(100.0 * min(fraction, 1.0))
        if was_cancelled:
            # Resume continues from these weights; the interrupted epoch runs again in full.
            _save_checkpoint(checkpoint, model, optimiser, averaged, swa, meta, state)
            break
        state["epoch"] += 1
        trained_until = time.perf_counter()
        state["elapsed"] += trained_until - started
        if swa is not None and (state["epoch"] / options.epochs if options.epochs else state["elapsed"] / budget) >= 1 - SWA_FRACTION:
            swa.add(averaged.model)
        # Validation costs as much as an epoch on a small dataset: it runs every epoch of a fixed count,
        # else at most every VALIDATE_EVERY_FRACTION of the time (and after the last epoch, below).
        due = options.epochs or state["elapsed"] - state["validated_at"] >= VALIDATE_EVERY_FRACTION * budget
        if due and lead:
            # Without a validation split (the analyst chose so) the scores are the training chips' own: the
            # record says so, and they flatter the model. Only the lead scores; the others go on training.
            _record(state, score(averaged.model, losses), options.keep, output, also_save, averaged.model, save, report)
            losses = []
        if due:
            state["validated_at"] = state["elapsed"]
            state["elapsed"] += time.perf_counter() - trained_until  # validation counts in the budget
        epoch_seconds = time.perf_counter() - started
        if time.perf_counter() - last_checkpoint >= options.checkpoint_every_s and lead:
            _save_checkpoint(checkpoint, model, optimiser, averaged, swa, meta, state)
            last_checkpoint = time.perf_counter()
        if options.epochs:
            progress(100.0 * state["epoch"] / options.epochs)
    if lead and not was_cancelled and state["epoch"] and (not state["history"] or state["history"][-1]["epoch"] != state["epoch"]):
        _record(state, score(averaged.model, losses), options.keep, output, also_save, averaged.model, save, report)
    if state["best"] is None:  # nothing scored yet, or a rank other than the lead
        return TrainResult(None, meta, was_cancelled)
    if "last" in also_save:
        save(also_save["last"], averaged.model, state["history"][-1])
    if swa is not None and not was_cancelled:
        if not swa.count:  # epochs too long for one to end in the last part: the last weights
            swa.add(averaged.model)
        swa.measure_batch_norm(train_set, options.batch_size, dev)
        entry = dict(score(swa.model, []), selection="swa", averaged_epochs=swa.count)
        report(f"Weights averaged over the last {swa.count} epochs (SWA): {_scores_text(entry)}")
        if options.keep == "swa":
            state["best"] = entry
        save(output if options.keep == "swa" else also_save["swa"], swa.model, entry)
    # The file on disk holds the kept model; give it the complete history of the run.
    kept_model, _ = modelfile.load(output)
    final_meta = dict(meta, history=state["history"], best=state["best"], trained_minutes=round(state["elapsed"] / 60, 3))
    modelfile.save(output, kept_model, final_meta)
    if not was_cancelled:
        checkpoint.unlink(missing_ok=True)
    return TrainResult(output, final_meta, was_cancelled)


def _training_target(options: TrainOptions) -> Optional[Callable[[np.ndarray], np.ndarray]]:
    """What the loss sees of a mask: the ignore band and the contact pixels, where chosen."""
    steps = []
    if options.edge_ignore_px:
        steps.append(lambda masks: ignore_edges(masks, options.edge_ignore_px))
    if options.contact_weight != 1.0:
        steps.append(contact_targets)
    if not steps:
        return None

    def target(mask: np.ndarray) -> np.ndarray:
        masks = mask[None]
        for step in steps:
            masks = step(masks)
        return masks[0]
    return target


def _record(state: dict, entry: dict, keep: str, output: Path, also_save: Dict[str, Path], weights, save, report) -> None:
    """One validation in the history; the model files that follow the best (or the latest) are written."""
    state["history"].append(entry)
    report(_epoch_line(entry))
    improved = state.get("best_seen") is None or entry["building_iou"] > state["best_seen"]["building_iou"]
    if improved:
        state["best_seen"] = entry
    if keep != "best" or improved:
        # With "last" or "swa", the latest weights stand in (for a cancel) until the chosen ones replace them.
        state["best"] = entry
        save(output, weights, entry)
    if improved and "best" in also_save:
        save(also_save["best"], weights, entry)


def _adopt_later_best(state: dict, output: Path, keep: str, report) -> None:
    """The model file is written whenever an epoch improves, the checkpoint at most every interval: a
    run stopped in between left a best model from epochs the checkpoint does not have. Keeping the
    best, that file stays the one to beat (its weights and scores agree); any other choice rewrites it."""
    if keep != "best" or not Path(output).is_file():
        return
    kept = modelfile.read(output)["meta"].get("best") or {}
    if kept.get("epoch", 0) > state["epoch"] and "building_iou" in kept:
        state["best"] = state["best_seen"] = dict(kept, before_restart=True)
        report(f"{Path(output).name} holds epoch {kept['epoch']} of the interrupted run (building IoU {kept['building_iou']:.4f}): "
               "the best to beat")


def _save_checkpoint(path: Path, model, optimiser, averaged: WeightAverage, swa: Optional[StochasticWeightAverage],
                     meta: dict, state: dict) -> None:
    extra = {"optimiser": optimiser.state_dict(), "progress": dict(state, average_steps=averaged.steps)}
    if averaged.decay:
        extra["average"] = {k: v.detach().cpu() for k, v in averaged.model.state_dict().items()}
    if swa is not None and swa.count:
        extra["swa"] = {k: v.detach().cpu() for k, v in swa.model.state_dict().items()}
        extra["progress"]["swa_count"] = swa.count
    modelfile.save(path, model, dict(meta, history=state["history"]), extra)


def _epoch_line(entry: dict) -> str:
    return f"epoch {entry['epoch']} ({entry['minutes']:.1f} min): " + figures_text(entry)


def figures_text(entry: dict) -> str:
    """An epoch's loss and scores as the log gives them (SageMaker's metric regexes read these words)."""
    parts = [f"train loss {entry['train_loss']:.4f}"] if "train_loss" in entry else []
    return "; ".join(p for p in parts + [_scores_text(entry)] if p)


def _scores_text(entry: dict) -> str:
    line = ""
    if "miou" in entry:
        line += (
            f"{entry.get('measured_on', 'validation')} pixel accuracy {entry['pixel_accuracy']:.4f}, mIoU {entry['miou']:.4f}, "
            f"building IoU {entry['building_iou']:.4f}, precision {entry['precision']:.4f}, recall {entry['recall']:.4f}"
        )
    if "object_f1" in entry:
        line += f", object F1 {entry['object_f1']:.4f} ({entry['tp']} found, {entry['fp']} false, {entry['fn']} missed)"
    return line
