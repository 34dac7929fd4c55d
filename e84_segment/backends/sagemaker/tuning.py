"""SageMaker Automatic Model Tuning: a tuning job over training jobs, requested, estimated, followed.

The training job definition is the one ``trainsagemaker`` sends (the plugin's model or the built-in
algorithm), less the hyperparameters being tuned. Values are encoded as the SDK's
HyperparameterTuner does: JSON-encoded for framework containers (the plugin's model), plain strings
for the built-in algorithm. The request is plain data (no boto3); ``follow`` takes a client.
"""
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

from . import contract
from ...core.sentence import said

TUNING_NAME_MAX = 32  # AWS's limit for tuning job names, shorter than a training job's
TERMINAL = ("Completed", "Failed", "Stopped")
# What a tuning job's training jobs can be tuned over (name -> how).
PLUGIN_RANGES = {"learning_rate": "continuous", "batch_size": "categorical", "initialisation": "categorical", "augment": "categorical"}
BUILTIN_RANGES = {"learning_rate": "continuous", "mini_batch_size": "categorical", "algorithm": "categorical",
                  "backbone": "categorical", "optimizer": "categorical"}
PLUGIN_OBJECTIVE = "validation:building_iou"
BUILTIN_OBJECTIVE = "validation:mIOU"
# Warm start (HyperParameterTuningJobWarmStartConfig): TransferLearning lets the data change (the field
# loop adds reviewed chips); IdenticalDataAndAlgorithm needs the parents' data and image.
WARM_START_TYPES = ("TransferLearning", "IdenticalDataAndAlgorithm")
MAX_PARENTS = 5
# "Tunable in a parent, static now" plus "static value changed" may add up to this many.
MAX_STATIC_CHANGES = 10
_RANGE_KINDS = {"ContinuousParameterRanges": "continuous", "IntegerParameterRanges": "integer",
                "CategoricalParameterRanges": "categorical"}


@dataclass
class Ranges:
    learning_rate: tuple = (1e-4, 1e-2)  # searched on a log scale
    categorical: Dict[str, List[str]] = field(default_factory=dict)  # e.g. {"batch_size": ["8", "16"]}

    def as_request(self, framework: bool) -> dict:
        low, high = self.learning_rate
        if not 0 < low < high < 1:
            raise said(
                contract.ContractError, "The learning rate range {low:g}-{high:g} must lie between 0 and 1, lowest first",
                low=low, high=high,
            )
        categorical = []
        for name, values in self.categorical.items():
            if len(values) < 1 or len(set(values)) != len(values):
                raise said(contract.ContractError, "{name}: give one or more distinct values to try", name=name)
            # The SDK JSON-encodes a framework's values as text ('"8"'); the training toolkit decodes them.
            categorical.append({"Name": name, "Values": [json.dumps(str(v)) if framework else str(v) for v in values]})
        return {
            "ContinuousParameterRanges": [{"Name": "learning_rate", "MinValue": str(low), "MaxValue": str(high), "ScalingType": "Logarithmic"}],
            "CategoricalParameterRanges": categorical,
            "IntegerParameterRanges": [],
        }


def tuning_name(now: Optional[float] = None) -> str:
    """Unique, and within the 32 characters a tuning job name may have (27 here)."""
    stamp = time.strftime("%y%m%d-%H%M%S", time.gmtime(now if now is not None else time.time()))
    return f"e84-tune-{stamp}-{secrets.token_hex(2)}"


def check_limits(max_jobs: int, max_parallel: int, spot: bool) -> None:
    if not 1 <= max_parallel <= max_jobs:
        raise said(contract.ContractError, "Parallel jobs must lie between 1 and the number of jobs")
    if spot:
        # Every job of a tuning job would share one checkpoint location: they would resume from each other.
        raise said(contract.ContractError, "Tuning runs on-demand instances here: turn spot training off")


def tuning_request(name: str, training_request: dict, ranges: Ranges, objective: str, max_jobs: int, max_parallel: int,
                   framework: bool, parents: Sequence[str] = (), warm_start_type: str = WARM_START_TYPES[0]) -> dict:
    """CreateHyperParameterTuningJob from a CreateTrainingJob request of the same settings; with
    ``parents``, a warm start from those tuning jobs."""
    if len(name) > TUNING_NAME_MAX:
        raise said(
            contract.ContractError, "'{name}' is longer than the {limit} characters a tuning job name may have",
            name=name, limit=TUNING_NAME_MAX,
        )
    contract.check_name(name)
    check_limits(max_jobs, max_parallel, bool(training_request.get("EnableManagedSpotTraining")))
    parameter_ranges = ranges.as_request(framework)
    tuned = {r["Name"] for kind in parameter_ranges.values() for r in kind}
    allowed = PLUGIN_RANGES if framework else BUILTIN_RANGES
    unknown = tuned - set(allowed)
    if unknown:
        raise said(
            contract.ContractError, "{unknown} cannot be tuned: choose among {allowed}",
            unknown=", ".join(sorted(unknown)), allowed=", ".join(allowed),
        )
    specification = {key: value for key, value in training_request["AlgorithmSpecification"].items()
                     if key in ("TrainingImage", "TrainingInputMode", "MetricDefinitions")}
    definition = {
        "StaticHyperParameters": {k: v for k, v in training_request["HyperParameters"].items() if k not in tuned},
        "AlgorithmSpecification": specification,
        "RoleArn": training_request["RoleArn"],
        "InputDataConfig": training_request["InputDataConfig"],
        "OutputDataConfig": training_request["OutputDataConfig"],
        "HyperParameterTuningResourceConfig": training_request["ResourceConfig"],
        "StoppingCondition": training_request["StoppingCondition"],
    }
    request = {
        "HyperParameterTuningJobName": name,
        "HyperParameterTuningJobConfig": {
            "Strategy": "Bayesian",
            "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": objective},
            "ResourceLimits": {"MaxNumberOfTrainingJobs": int(max_jobs), "MaxParallelTrainingJobs": int(max_parallel)},
            "ParameterRanges": parameter_ranges,
            "TrainingJobEarlyStoppingType": "Off",
        },
        "TrainingJobDefinition": definition,
        "Tags": list(training_request.get("Tags", [])),
    }
    if parents:
        request["WarmStartConfig"] = warm_start_config(parents, warm_start_type)
    return request


def parent_names(text: str) -> List[str]:
    """'a, b' -> ['a', 'b'], each a tuning job name, at most MAX_PARENTS."""
    return _checked_parents(list(dict.fromkeys(n.strip() for n in (text or "").split(",") if n.strip())))


def _checked_parents(names: List[str]) -> List[str]:
    if len(names) > MAX_PARENTS:
        raise said(contract.ContractError, "A warm start takes at most {limit} parent tuning jobs; {count} were given",
                   limit=MAX_PARENTS, count=len(names))
    for name in names:
        contract.check_name(name)
    return names


def warm_start_config(parents: Sequence[str], warm_start_type: str) -> dict:
    if warm_start_type not in WARM_START_TYPES:
        raise said(contract.ContractError, "Warm start type must be one of {types}", types=", ".join(WARM_START_TYPES))
    return {"ParentHyperParameterTuningJobs": [{"HyperParameterTuningJobName": n} for n in _checked_parents(list(parents))],
            "WarmStartType": warm_start_type}


def _hyperparameter_kinds(config: dict, definition: dict) -> Dict[str, str]:
    kinds = {r["Name"]: kind for key, kind in _RANGE_KINDS.items() for r in config.get("ParameterRanges", {}).get(key, [])}
    return dict({name: "static" for name in definition.get("StaticHyperParameters", {})}, **kinds)


def check_parents(request: dict, parents: Dict[str, dict]) -> None:
    """Refuses, with what to change, a warm start that CreateHyperParameterTuningJob would refuse
    (AWS's warm start restrictions), from each parent's DescribeHyperParameterTuningJob answer."""
    config, definition = request["HyperParameterTuningJobConfig"], request["TrainingJobDefinition"]
    ours = _hyperparameter_kinds(config, definition)
    identical = request.get("WarmStartConfig", {}).get("WarmStartType") == "IdenticalDataAndAlgorithm"
    for name, parent in parents.items():
        status = parent.get("HyperParameterTuningJobStatus")
        if status not in TERMINAL:
            raise said(contract.ContractError, "Parent tuning job {name} is {status}: a warm start needs its parents ended "
                                               "(Completed, Stopped or Failed)", name=name, status=status)
        their_config = parent.get("HyperParameterTuningJobConfig", {})
        their_definition = parent.get("TrainingJobDefinition", {})
        objective = their_config.get("HyperParameterTuningJobObjective", {}).get("MetricName")
        if objective != config["HyperParameterTuningJobObjective"]["MetricName"]:
            raise said(contract.ContractError, "Parent tuning job {name} maximised {theirs}, this one {ours}: a warm start keeps "
                                               "the objective (choose the same model to train)",
                       name=name, theirs=objective, ours=config["HyperParameterTuningJobObjective"]["MetricName"])
        theirs = _hyperparameter_kinds(their_config, their_definition)
        if set(theirs) != set(ours):
            raise said(contract.ContractError, "Parent tuning job {name} had other hyperparameters ({difference}): a warm start "
                                               "keeps the same set. It was made by another version of the plugin or another "
                                               "model; start without a parent",
                       name=name, difference=", ".join(sorted(set(theirs) ^ set(ours))))
        changed_kind = sorted(n for n in ours if "static" not in (ours[n], theirs[n]) and ours[n] != theirs[n])
        if changed_kind:
            raise said(contract.ContractError, "{names} changed type since parent tuning job {name}: a warm start keeps each "
                                               "tuned hyperparameter's type", names=", ".join(changed_kind), name=name)
        now_static = [n for n in ours if ours[n] == "static" and theirs[n] != "static"]
        their_static = their_definition.get("StaticHyperParameters", {})
        values_changed = [n for n, v in definition.get("StaticHyperParameters", {}).items() if n in their_static and their_static[n] != v]
        if len(now_static) + len(values_changed) > MAX_STATIC_CHANGES:
            raise said(contract.ContractError, "{count} settings changed since parent tuning job {name} (tuned there and fixed "
                                               "now, or fixed at another value); a warm start allows {limit}",
                       count=len(now_static) + len(values_changed), name=name, limit=MAX_STATIC_CHANGES)
        if identical:
            same_data = their_definition.get("InputDataConfig") == definition["InputDataConfig"]
            same_image = (their_definition.get("AlgorithmSpecification", {}).get("TrainingImage")
                          == definition["AlgorithmSpecification"].get("TrainingImage"))
            if not (same_data and same_image):
                raise said(contract.ContractError, "Parent tuning job {name} trained on other data or another image: choose "
                                                   "the TransferLearning warm start", name=name)


def cost_text(price_per_hour: Optional[float], max_jobs: int, max_runtime_h: float, instance_count: int = 1) -> str:
    """The most a tuning job can bill: every training job running to its time limit."""
    hours = max_jobs * max_runtime_h * instance_count
    if price_per_hour is None:
        return f"Estimated cost: unknown (the price list could not be read); at most {hours:g} instance-hours"
    return (f"Estimated cost: up to {max_jobs} jobs x {max_runtime_h:g} h x ${price_per_hour:.3f}/h"
            + (f" x {instance_count} instances" if instance_count > 1 else "") + f" = ${hours * price_per_hour:,.2f}")


@dataclass
class JobResult:
    name: str
    status: str
    objective: Optional[float]
    hyperparameters: Dict[str, str]


def list_jobs(sm, name: str) -> List[JobResult]:
    jobs, token = [], None
    while True:
        arguments = {"HyperParameterTuningJobName": name, "MaxResults": 100}
        if token:
            arguments["NextToken"] = token
        page = sm.list_training_jobs_for_hyper_parameter_tuning_job(**arguments)
        for summary in page.get("TrainingJobSummaries", []):
            metric = summary.get("FinalHyperParameterTuningJobObjectiveMetric") or {}
            jobs.append(JobResult(summary["TrainingJobName"], summary["TrainingJobStatus"], metric.get("Value"),
                                  {k: v.strip('"') for k, v in summary.get("TunedHyperParameters", {}).items()}))
        token = page.get("NextToken")
        if not token:
            return jobs


def follow(sm, name: str, max_jobs: int, report: Callable[[str], None] = print, progress: Callable[[float], None] = lambda p: None,
           cancelled: Callable[[], bool] = lambda: False, poll_seconds: float = 60.0) -> dict:
    """Reports each training job as it ends (status, objective, its values); cancel stops the tuning
    job and its training jobs. Returns the last DescribeHyperParameterTuningJob answer."""
    from . import aws  # boto3: only once a tuning job runs

    reported = set()
    stopper = aws.StopOnCancel(cancelled, lambda: sm.stop_hyper_parameter_tuning_job(HyperParameterTuningJobName=name),
                               f"Stopping tuning job {name} and its training jobs", report)
    while True:
        description = sm.describe_hyper_parameter_tuning_job(HyperParameterTuningJobName=name)
        for job in list_jobs(sm, name):
            if job.status in ("Completed", "Failed", "Stopped") and job.name not in reported:
                reported.add(job.name)
                score = f"{job.objective:.4f}" if job.objective is not None else "no objective"
                values = ", ".join(f"{k} {v}" for k, v in sorted(job.hyperparameters.items()))
                report(f"{job.name}: {job.status}, {score} ({values})")
        counters = description.get("TrainingJobStatusCounters", {})
        finished = sum(counters.get(k, 0) for k in ("Completed", "NonRetryableError", "Stopped"))
        progress(min(99.0, 100.0 * finished / max(max_jobs, 1)))
        status = description["HyperParameterTuningJobStatus"]
        if status in TERMINAL:
            progress(100.0)
            return description
        stopper.check()
        stopper.pause(poll_seconds)


def best_job(description: dict) -> Optional[dict]:
    best = description.get("BestTrainingJob")
    return best if best and best.get("TrainingJobName") else None
