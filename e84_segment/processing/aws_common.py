"""What every SageMaker algorithm shares: the PROFILE and REGION parameters and clear errors.

Only a profile name and a region are parameters: credentials stay in boto3's chain.
"""
from contextlib import contextmanager

from qgis.core import QgsProcessingException, QgsProcessingParameterString

from .. import dependencies
from ..i18n import sentence

PROFILE = "PROFILE"
REGION = "REGION"


def add_parameters(algorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterString(PROFILE, "AWS profile (empty: the default credential chain)", "", optional=True)
    )
    algorithm.addParameter(
        QgsProcessingParameterString(REGION, "AWS region (empty: the profile's region)", "", optional=True)
    )


def settings(algorithm, parameters, context):
    dependencies.require_boto3()
    from ..backends.sagemaker import aws

    return aws.AwsSettings(
        algorithm.parameterAsString(parameters, PROFILE, context).strip(),
        algorithm.parameterAsString(parameters, REGION, context).strip(),
    )


@contextmanager
def aws_errors(action: str, usage: str = ""):
    """AWS and contract failures as QgsProcessingException with what to change; ``usage`` names the
    kind of quota (aws.USAGES) the step draws on."""
    from botocore.exceptions import BotoCoreError, ClientError

    from ..backends.sagemaker import aws, contract, upload

    try:
        yield
    except (aws.AwsError, contract.ContractError, upload.DatasetInvalid) as error:
        raise QgsProcessingException(sentence(error)) from None
    except (ClientError, BotoCoreError) as error:
        raise QgsProcessingException(str(aws.explain(error, action, usage))) from None
