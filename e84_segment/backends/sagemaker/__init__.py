"""The SageMaker backend: the built-in semantic segmentation algorithm through plain boto3.

Only contract.py and recordio.py import without boto3; the processing layer imports the rest lazily.
"""
