"""Where models train and predict: on this machine (local, PyTorch) or on SageMaker (planned)."""
