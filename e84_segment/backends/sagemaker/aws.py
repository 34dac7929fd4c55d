"""boto3 sessions and clients the way every SageMaker step uses them, and errors in plain words.

Only a profile name and a region are ever passed in: credentials come from boto3's own chain
(profiles, SSO, environment, instance roles) and are never stored. ``AWS_ENDPOINT_URL`` (boto3's own
variable) points every client at a local server.
"""
import json
import re
import time
from dataclasses import dataclass, field
from typing import Callable, List, Optional

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    ProfileNotFound,
    ReadTimeoutError,
)

from ...core.sentence import said

# Standard retries back off on throttling and 5xx answers; AccessDenied and validation errors are
# never retried by this mode. Timeouts keep a dead network from hanging a task.
CLIENT_CONFIG = Config(retries={"mode": "standard", "max_attempts": 10}, connect_timeout=10, read_timeout=70,
                       user_agent_extra="e84-segment")
TIMEOUTS = (ConnectTimeoutError, ReadTimeoutError, EndpointConnectionError)


def pause(seconds: float, wake: Callable[[], bool]) -> None:
    """Waits between status polls, returning early when ``wake()`` turns true (a cancel)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not wake():
        time.sleep(min(0.2, seconds))


class AwsError(RuntimeError):
    """An AWS failure explained: what happened and what to change."""


class StopOnCancel:
    """For a loop that follows a job: on cancel, sends the job's stop request once (then the loop
    follows the job until it says it stopped), and pauses between polls until a cancel wakes it."""

    def __init__(self, cancelled: Callable[[], bool], stop: Callable[[], object], message: str, report: Callable[[str], None]):
        self.cancelled, self.stop, self.message, self.report = cancelled, stop, message, report
        self.sent = False

    def check(self) -> None:
        if self.cancelled() and not self.sent:
            self.report(self.message)
            try:
                self.stop()
            except ClientError as error:
                raise explain(error, self.message) from None
            self.sent = True

    def pause(self, seconds: float) -> None:
        pause(seconds, lambda: self.cancelled() and not self.sent)


@dataclass
class AwsSettings:
    profile: str = ""
    region: str = ""
    # One session for all of a step's clients: each new session parses botocore's models again.
    _session: Optional[boto3.Session] = field(default=None, init=False, repr=False, compare=False)

    def session(self) -> boto3.Session:
        if self._session is not None:
            return self._session
        try:
            session = boto3.Session(profile_name=self.profile or None, region_name=self.region or None)
        except ProfileNotFound:
            raise said(
                AwsError, "The AWS profile '{profile}' does not exist: create it with 'aws configure --profile {profile}' (or "
                          "'aws configure sso'), or leave the profile empty to use the default credentials",
                profile=self.profile,
            ) from None
        if not session.region_name:
            raise said(AwsError, "No AWS region is set: choose one in the plugin settings (e.g. us-east-1)")
        self._session = session
        return session

    def client(self, service: str, region: Optional[str] = None, endpoint_url: Optional[str] = None):
        session = self.session()
        return session.client(service, region_name=region or session.region_name, endpoint_url=endpoint_url, config=CLIENT_CONFIG)


def error_code(error: Exception) -> str:
    return error.response.get("Error", {}).get("Code", "") if isinstance(error, ClientError) else ""


# SageMaker's quotas are per instance type and use: "ml.g5.xlarge for spot training job usage".
USAGES = ("training job usage", "spot training job usage", "endpoint usage", "transform job usage")
_QUOTA_NAMED = re.compile(r"limit '([^']+)'")


def quota_name(message: str, usage: str = "") -> str:
    """The quota to raise: as AWS's message names it, else by the kind of use, else unnamed."""
    named = _QUOTA_NAMED.search(message or "")
    if named:
        return f"'{named.group(1)}'"
    return f"'<instance type> for {usage}'" if usage else "the quota named in AWS's message"


def explain(error: Exception, action: str, usage: str = "") -> AwsError:
    """An AwsError whose message says what failed and what to do about it; ``usage`` (one of USAGES)
    names the quota a ResourceLimitExceeded refers to where AWS's message does not."""
    code = error_code(error)
    message = error.response.get("Error", {}).get("Message", "") if isinstance(error, ClientError) else str(error)
    if isinstance(error, NoCredentialsError):
        text = "no AWS credentials were found: run 'aws configure' or 'aws sso login' for the chosen profile"
    elif isinstance(error, NoRegionError):
        text = "no AWS region is set: choose one in the plugin settings"
    elif isinstance(error, TIMEOUTS):
        text = f"AWS could not be reached ({error}): check the network or proxy settings"
    elif code in ("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "403"):
        text = f"access denied ({message}): your role needs the permission for this call"
    elif code in ("ExpiredToken", "ExpiredTokenException", "RequestExpired"):
        text = "the AWS session has expired: sign in again ('aws sso login') and retry"
    elif code in ("InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch"):
        text = "AWS does not recognise these credentials: check the profile's access key"
    elif code == "ResourceLimitExceeded":
        text = (
            f"an account quota is exhausted ({message}). New accounts often have a GPU quota of 0: request an "
            f"increase in Service Quotas (SageMaker, {quota_name(message, usage)}), or pick another instance type"
        )
    elif code in ("NoSuchBucket", "404") and "bucket" in action.lower():
        text = "the bucket does not exist in this account: create it or correct S3_URI"
    elif code == "ValidationException":
        text = f"SageMaker refused the request: {message}"
    else:
        text = f"{code or type(error).__name__}: {message}"
    return AwsError(f"{action} failed: {text}")


def bucket_region(settings: AwsSettings, bucket: str) -> str:
    """The region a bucket lives in (S3 answers from any region, following its redirect)."""
    s3 = settings.client("s3")
    answer = s3.head_bucket(Bucket=bucket)
    region = answer.get("BucketRegion") or answer.get("ResponseMetadata", {}).get("HTTPHeaders", {}).get("x-amz-bucket-region")
    if region:
        return region
    location = s3.get_bucket_location(Bucket=bucket).get("LocationConstraint")
    return {None: "us-east-1", "": "us-east-1", "EU": "eu-west-1"}.get(location, location)


def check_bucket_region(settings: AwsSettings, bucket: str) -> None:
    """Refuses a bucket outside the session's region: SageMaker jobs read and write S3 only in their
    own region, and would say so only after the upload, at CreateTrainingJob."""
    region = settings.session().region_name
    found = bucket_region(settings, bucket)
    if found != region:
        raise said(
            AwsError, "Bucket {bucket} is in {found}, but SageMaker runs in {region} here, and its jobs use buckets of "
                      "their own region only: set the region to {found}, or choose a bucket in {region}",
            bucket=bucket, found=found, region=region,
        )


@dataclass
class Check:
    name: str
    ok: bool
    message: str


def check_connection(settings: AwsSettings, bucket: str = "", role_arn: str = "") -> List[Check]:
    """Who the caller is, whether the bucket answers and whether the role can be passed to SageMaker."""
    checks = []
    try:
        identity = settings.client("sts").get_caller_identity()
        checks.append(Check("identity", True, f"Signed in as {identity['Arn']} (account {identity['Account']})"))
    except (ClientError, BotoCoreError, AwsError) as error:
        reason = error if isinstance(error, AwsError) else explain(error, "Signing in")
        return [Check("identity", False, str(reason))]
    if bucket:
        try:
            check_bucket_region(settings, bucket)
            checks.append(Check("bucket", True, f"Bucket {bucket} is reachable, in {settings.session().region_name}"))
        except AwsError as error:
            checks.append(Check("bucket", False, str(error)))
        except (ClientError, BotoCoreError) as error:
            checks.append(Check("bucket", False, str(explain(error, f"Reaching bucket {bucket}"))))
    if role_arn:
        checks.append(_check_role(settings, role_arn))
        if checks[-1].ok:
            checks.append(_check_pass_role(settings, identity["Arn"], role_arn))
    return checks


def _check_role(settings: AwsSettings, role_arn: str) -> Check:
    name = role_arn.rsplit("/", 1)[-1]
    if not role_arn.startswith("arn:") or ":role/" not in role_arn:
        return Check("role", False, f"'{role_arn}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)")
    try:
        role = settings.client("iam").get_role(RoleName=name)["Role"]
    except (ClientError, BotoCoreError) as error:
        return Check("role", False, str(explain(error, f"Reading role {name}")))
    trust = role.get("AssumeRolePolicyDocument") or {}
    if not isinstance(trust, str):
        trust = json.dumps(trust)
    if "sagemaker.amazonaws.com" not in trust:
        return Check("role", False, f"Role {name} does not trust sagemaker.amazonaws.com: add it to the role's trust policy")
    return Check("role", True, f"Role {name} exists and SageMaker may assume it")


def principal_arn(caller_arn: str) -> Optional[str]:
    """The IAM principal behind an STS caller ARN (an assumed role's role, a user), None for root."""
    assumed = re.match(r"^arn:([\w-]+):sts::(\d+):assumed-role/([^/]+)/", caller_arn)
    if assumed:
        return f"arn:{assumed.group(1)}:iam::{assumed.group(2)}:role/{assumed.group(3)}"
    if caller_arn.endswith(":root"):
        return None
    return re.sub(r"^arn:([\w-]+):sts::", r"arn:\1:iam::", caller_arn)


def _with_path(settings: AwsSettings, principal: str) -> str:
    """A role's ARN with its path: an assumed role's STS ARN drops it (SSO roles live under
    role/aws-reserved/sso.amazonaws.com/...), and IAM knows the role only by its full ARN."""
    if ":role/" not in principal:
        return principal
    try:
        return settings.client("iam").get_role(RoleName=principal.rsplit("/", 1)[-1])["Role"]["Arn"]
    except (ClientError, BotoCoreError):
        return principal  # without iam:GetRole, the simulation below says what it can


# AWS's managed SageMaker policies allow iam:PassRole only on this condition: without it in the
# simulation's context, IAM answers implicitDeny to users who may pass the role (sagemaker-python-sdk#6170).
PASSED_TO_SAGEMAKER = {"ContextKeyName": "iam:PassedToService", "ContextKeyValues": ["sagemaker.amazonaws.com"], "ContextKeyType": "string"}


def _check_pass_role(settings: AwsSettings, caller_arn: str, role_arn: str) -> Check:
    """Whether the caller may pass the role to SageMaker (iam:PassRole), by IAM's policy simulator,
    with the context SageMaker's requests carry. Only an explicit deny is certain: the simulator
    cannot see session policies, and judges organisation policies and permission boundaries only in
    part, so anything short of an allow is reported as unconfirmed, decided at job creation."""
    principal = principal_arn(caller_arn)
    if principal is None:
        return Check("pass-role", True, "The account's root user may pass any role")
    principal = _with_path(settings, principal)
    try:
        results = settings.client("iam").simulate_principal_policy(
            PolicySourceArn=principal, ActionNames=["iam:PassRole"], ResourceArns=[role_arn], ContextEntries=[PASSED_TO_SAGEMAKER]
        )["EvaluationResults"]
    except (ClientError, BotoCoreError) as error:
        # Simulating needs its own permission; without it PassRole is decided when a job is created.
        return Check("pass-role", True, f"iam:PassRole could not be checked ({explain(error, 'Simulating')}); it is decided when a job is created")
    result = results[0] if results else {"EvalDecision": "implicitDeny"}
    decision = result.get("EvalDecision")
    if decision == "allowed":
        return Check("pass-role", True, "You may pass the role to SageMaker (iam:PassRole allowed)")
    if decision == "explicitDeny":
        return Check("pass-role", False, f"A policy denies {principal} passing {role_arn} to SageMaker (iam:PassRole, "
                                         "explicit deny): ask your administrator to lift it")
    reasons = []
    if result.get("MissingContextValues"):
        reasons.append(f"the policy depends on {', '.join(result['MissingContextValues'])}, which only a real request carries")
    if (result.get("OrganizationsDecisionDetail") or {}).get("AllowedByOrganizations") is False:
        reasons.append("an organisation policy (SCP) may not allow it")
    if (result.get("PermissionsBoundaryDecisionDetail") or {}).get("AllowedByPermissionsBoundary") is False:
        reasons.append("a permissions boundary may not allow it")
    return Check("pass-role", True, f"iam:PassRole on {role_arn} could not be confirmed ({decision}"
                                    + (f"; {'; '.join(reasons)}" if reasons else "; no policy the simulator sees allows it")
                                    + "): SageMaker decides when a job is created. If it refuses, add iam:PassRole on the role, "
                                      "with iam:PassedToService sagemaker.amazonaws.com, to your policy")
