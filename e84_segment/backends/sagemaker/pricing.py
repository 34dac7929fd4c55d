"""What a job will cost, from the AWS Price List API (never a hard-coded price).

The Price List API answers from us-east-1; SageMaker's products are "ML Instance" products with
attributes regionCode, instanceName and component (Training, Hosting, ...). Where no price can be
fetched the estimate says so rather than guess.
"""
import json
from dataclasses import dataclass
from typing import Optional

from botocore.exceptions import BotoCoreError, ClientError

from . import aws
from ...core.sentence import said

PRICING_REGION = "us-east-1"
SERVICE_CODE = "AmazonSageMaker"
# Managed spot training is billed at the spot price, which AWS documents as up to 90 % below on-demand.
SPOT_NOTE = "managed spot training can save up to 90 % of this (billed at the spot price; the job may wait for capacity)"


@dataclass
class Estimate:
    hourly_usd: Optional[float]
    hours: float
    text: str

    @property
    def total_usd(self) -> Optional[float]:
        return None if self.hourly_usd is None else self.hourly_usd * self.hours


def hourly_price(pricing, region: str, instance_type: str, component: str = "Training") -> float:
    """The on-demand USD price per hour; raises LookupError when the Price List has none."""
    filters = [
        {"Type": "TERM_MATCH", "Field": field, "Value": value}
        for field, value in (("productFamily", "ML Instance"), ("regionCode", region), ("instanceName", instance_type),
                             ("component", component))
    ]
    prices = []
    for page in pricing.get_paginator("get_products").paginate(ServiceCode=SERVICE_CODE, Filters=filters, FormatVersion="aws_v1"):
        for item in page.get("PriceList", []):
            product = json.loads(item) if isinstance(item, str) else item
            for term in product.get("terms", {}).get("OnDemand", {}).values():
                for dimension in term.get("priceDimensions", {}).values():
                    usd = dimension.get("pricePerUnit", {}).get("USD")
                    if usd is not None and dimension.get("unit", "").lower().startswith("hr") and float(usd) > 0:
                        prices.append(float(usd))
    if not prices:
        raise said(
            LookupError, "the Price List has no on-demand {component} price for {instance_type} in {region}",
            component=component.lower(), instance_type=instance_type, region=region,
        )
    return min(prices)


def estimate(settings: "aws.AwsSettings", region: str, instance_type: str, hours: float, spot: bool = False,
             component: str = "Training") -> Estimate:
    try:
        hourly = hourly_price(settings.client("pricing", region=PRICING_REGION), region, instance_type, component)
    except (ClientError, BotoCoreError, aws.AwsError, LookupError) as error:
        reason = aws.explain(error, "Fetching the price") if isinstance(error, (ClientError, BotoCoreError)) else error
        return Estimate(None, hours, f"Estimated cost unknown: {reason}. See https://aws.amazon.com/sagemaker/pricing/")
    text = f"Estimated cost: up to {hours:g} h x ${hourly:.3f}/h on-demand ({instance_type}, {region}) = ${hourly * hours:.2f}"
    if spot:
        text += f"; {SPOT_NOTE}"
    return Estimate(hourly, hours, text)
