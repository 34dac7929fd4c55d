"""The plugin's preferences, typed, under one QgsSettings prefix. No secrets are ever stored here."""
from qgis.core import QgsSettings

PREFIX = "e84_segment/"


class _Setting:
    def __init__(self, key: str, kind: type, default):
        self.key, self.kind, self.default = PREFIX + key, kind, default

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return QgsSettings().value(self.key, self.default, type=self.kind)

    def __set__(self, obj, value):
        QgsSettings().setValue(self.key, self.kind(value))


class Settings:
    """Last choices in the dock, so the next run starts where the analyst left off."""

    zoom = _Setting("training/zoom", int, 19)
    buffer_m = _Setting("training/buffer_m", float, 0.0)
    background_ratio = _Setting("training/background_ratio", float, 1.0)
    validation_fraction = _Setting("training/validation_fraction", float, 0.2)
    split_method = _Setting("training/split_method", int, 0)
    seed = _Setting("training/seed", int, 42)
    extra_zooms = _Setting("training/extra_zooms", bool, True)
    output_folder = _Setting("training/output_folder", str, "")
    regular_outlines = _Setting("predict/regular_outlines", bool, False)

    # SageMaker: a profile name and a region only; credentials stay in boto3's chain.
    aws_profile = _Setting("aws/profile", str, "")
    aws_region = _Setting("aws/region", str, "")
    aws_s3_uri = _Setting("aws/s3_uri", str, "")
    aws_role_arn = _Setting("aws/role_arn", str, "")
    aws_training_instance = _Setting("aws/training_instance", str, "")  # empty: the contract's current default
    aws_trainer = _Setting("aws/trainer", int, 0)  # 0: the plugin's model, 1: SageMaker's built-in algorithm
