"""What AWS's PyTorch training container runs: SageMaker's environment -> ``backends.local.train``.

The container's training toolkit unpacks the source tarball into /opt/ml/code, runs the tarball's
``e84_train.py`` with the hyperparameters as ``--name value`` arguments, and describes the job in
``SM_*`` variables. The dataset arrives in the ``training`` channel in the folder layout 'Build
training data' writes. Training is 'Train model locally' itself (one code path), writing to
/opt/ml/checkpoints, so a spot job that SageMaker restarts resumes there from the last periodic
checkpoint: AWS's container runs the script as a child of ``train``, which passes no signal on, so a
reclaim's SIGTERM never reaches it (aws/sagemaker-training-toolkit#125, deep-learning-containers#632).
The kept model goes to SM_MODEL_DIR/model.pt with the inference handler in code/; SageMaker packs that
folder into model.tar.gz. The log's last line gives the kept model's scores, since SageMaker keeps
the last value each metric regex finds (FinalMetricDataList, a tuning job's objective).

Several GPUs, several instances, or ``processes_per_host`` > 1 train data-parallel with
torch.distributed (NCCL on GPUs, gloo on CPUs): one process per GPU, ranks ordered by SM_HOSTS.
"""
import argparse
import json
import os
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from . import pytorch_job

MASTER_PORT = 29500  # torch.distributed's usual port, open between a job's instances


@dataclass
class Environment:
    """The parts of SageMaker's training environment the entry point reads."""

    model_dir: Path
    dataset_dir: Path
    hosts: List[str]
    current_host: str
    num_gpus: int

    @classmethod
    def from_os(cls) -> "Environment":
        channel = f"SM_CHANNEL_{pytorch_job.CHANNEL.upper()}"
        missing = [name for name in ("SM_MODEL_DIR", channel) if not os.environ.get(name)]
        if missing:
            raise SystemExit(f"{', '.join(missing)} not set: this script runs inside SageMaker's training container")
        return cls(
            model_dir=Path(os.environ["SM_MODEL_DIR"]),
            dataset_dir=Path(os.environ[channel]),
            hosts=json.loads(os.environ.get("SM_HOSTS", '["algo-1"]')),
            current_host=os.environ.get("SM_CURRENT_HOST", "algo-1"),
            num_gpus=int(os.environ.get("SM_NUM_GPUS", "0") or 0),
        )

    @property
    def checkpoint_dir(self) -> Path:
        # /opt/ml/checkpoints beside /opt/ml/model: what CheckpointConfig's LocalPath names.
        return self.model_dir.parent / "checkpoints"


def parse_arguments(argv: Optional[List[str]] = None) -> argparse.Namespace:
    defaults = pytorch_job.Hyperparameters()
    parser = argparse.ArgumentParser(description="Train the e84 segment building model in a SageMaker job")
    for name, value in defaults.as_dict().items():
        parser.add_argument(f"--{name}", type=type(value), default=value)
    arguments, _unknown = parser.parse_known_args(argv)  # the toolkit may add arguments of its own
    return arguments


def main(argv: Optional[List[str]] = None) -> None:
    arguments = parse_arguments(argv)
    environment = Environment.from_os()
    per_host = arguments.processes_per_host or max(environment.num_gpus, 1)
    world = len(environment.hosts) * per_host
    if world == 1:
        run(0, arguments, environment, per_host, "")
        return
    import torch.multiprocessing

    if len(environment.hosts) == 1:
        with socket.socket() as probe:  # one machine: any free port on loopback
            probe.bind(("127.0.0.1", 0))
            address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    else:
        address = f"tcp://{environment.hosts[0]}:{MASTER_PORT}"
    print(f"Data-parallel training: {world} processes ({len(environment.hosts)} hosts x {per_host})", flush=True)
    torch.multiprocessing.spawn(run, args=(arguments, environment, per_host, address), nprocs=per_host, join=True)


def run(local_rank: int, arguments: argparse.Namespace, environment: Environment, per_host: int, address: str) -> None:
    import torch

    from ..local import train

    world = len(environment.hosts) * per_host
    rank = environment.hosts.index(environment.current_host) * per_host + local_rank
    if world > 1:
        if torch.cuda.is_available():
            torch.cuda.set_device(local_rank)
        torch.distributed.init_process_group("nccl" if torch.cuda.is_available() else "gloo", init_method=address,
                                             rank=rank, world_size=world)
    try:
        environment.checkpoint_dir.mkdir(parents=True, exist_ok=True)
        best = environment.checkpoint_dir / pytorch_job.MODEL_FILE
        options = train.TrainOptions(
            epochs=arguments.epochs, batch_size=arguments.batch_size, learning_rate=arguments.learning_rate,
            initialisation=arguments.initialisation, augment=arguments.augment, seed=arguments.seed, keep=arguments.keep,
            checkpoint_every_s=arguments.checkpoint_every_s,
            resume=True,  # a restarted spot job finds its checkpoint; a fresh job finds none
        )
        result = train.train(environment.dataset_dir, best, options, report=lambda line: print(line, flush=True))
        if rank == 0:
            if result.model_path is None:
                raise SystemExit("No epoch completed: the model was not written")
            write_model_dir(result.model_path, environment.model_dir)
            print(f"Model written to {environment.model_dir / pytorch_job.MODEL_FILE}", flush=True)
            print(kept_line(result.meta["best"]), flush=True)
    finally:
        if world > 1:
            torch.distributed.destroy_process_group()


def kept_line(best: dict) -> str:
    """The kept model's scores in the epoch line's words, so SageMaker's regexes find them last; it
    does not start with 'epoch', so the plugin's own follower does not count it as one more epoch."""
    from ..local import train

    which = f"SWA over {best['averaged_epochs']} epochs" if best.get("selection") == "swa" else f"epoch {best['epoch']}"
    return f"{pytorch_job.KEPT_PREFIX} ({which}): " + train.figures_text(best)


def write_model_dir(model_file: Path, model_dir: Path) -> None:
    """model.pt plus code/ (the inference handler and the code it imports), which AWS's PyTorch
    inference container runs; predictlocal reads only model.pt."""
    model_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model_file, model_dir / pytorch_job.MODEL_FILE)
    pytorch_job.write_serving_code(model_dir / "code")
