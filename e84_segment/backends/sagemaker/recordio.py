"""RecordIO-protobuf, the algorithm's probability answer, read and written without protobuf or MXNet.

A RecordIO frame is: uint32 magic 0xCED7230A, uint32 length (low 29 bits), the payload, zero padding
to 4 bytes. The payload is SageMaker's ``Record`` message (record.proto): ``map<string, Value>
features = 1``; a Value holds ``Float32Tensor float32_tensor = 2`` or ``Int32Tensor int32_tensor =
7``, each with packed ``values = 1``. The semantic segmentation algorithm answers with features
``target`` (float32 probabilities) and ``shape`` (int32, [1, C, H, W]).
"""
import struct
from typing import Dict, Iterator, Tuple

import numpy as np

MAGIC = 0xCED7230A
_LENGTH_MASK = (1 << 29) - 1
_FLOAT32_TENSOR = 2
_INT32_TENSOR = 7


class RecordIOError(ValueError):
    pass


def _varint(data: bytes, pos: int) -> Tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise RecordIOError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def _fields(data: bytes) -> Iterator[Tuple[int, int, object]]:
    """(field number, wire type, value): ints for varints, bytes for length-delimited fields."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            length, pos = _varint(data, pos)
            value = data[pos : pos + length]
            if len(value) != length:
                raise RecordIOError("truncated field")
            pos += length
        elif wire == 5:
            value, pos = data[pos : pos + 4], pos + 4
        elif wire == 1:
            value, pos = data[pos : pos + 8], pos + 8
        else:
            raise RecordIOError(f"unsupported wire type {wire}")
        yield number, wire, value


def _tensor(value: bytes) -> np.ndarray:
    for number, wire, payload in _fields(value):
        if number == _FLOAT32_TENSOR:
            return _packed(payload, np.float32)
        if number == _INT32_TENSOR:
            return _packed(payload, np.int32)
    raise RecordIOError("a feature holds neither float32 nor int32 values")


def _packed(tensor: bytes, dtype) -> np.ndarray:
    out = []
    for number, wire, payload in _fields(tensor):
        if number != 1:
            continue
        if dtype is np.float32:  # packed (wire 2) or a single fixed32 (wire 5): little-endian floats
            out.append(np.frombuffer(payload, dtype="<f4"))
        else:
            if wire == 2:
                values, pos = [], 0
                while pos < len(payload):
                    v, pos = _varint(payload, pos)
                    values.append(v - (1 << 64) if v >= 1 << 63 else v)
                out.append(np.array(values, dtype=np.int64))
            else:
                out.append(np.array([payload - (1 << 64) if payload >= 1 << 63 else payload], dtype=np.int64))
    return np.concatenate(out).astype(dtype) if out else np.zeros(0, dtype)


def records(body: bytes) -> Iterator[bytes]:
    pos = 0
    while pos + 8 <= len(body):
        magic, header = struct.unpack_from("<II", body, pos)
        if magic != MAGIC:
            raise RecordIOError("not a RecordIO stream (bad magic number)")
        length = header & _LENGTH_MASK
        start = pos + 8
        if start + length > len(body):
            raise RecordIOError("truncated RecordIO record")
        yield body[start : start + length]
        pos = start + length + (-length % 4)


def decode_features(record: bytes) -> Dict[str, np.ndarray]:
    features = {}
    for number, wire, entry in _fields(record):
        if number != 1 or wire != 2:
            continue
        key, value = "", b""
        for n, _, payload in _fields(entry):
            if n == 1:
                key = bytes(payload).decode("utf-8")
            elif n == 2:
                value = payload
        features[key] = _tensor(value)
    return features


def decode_probabilities(body: bytes) -> np.ndarray:
    """The algorithm's probability answer as a float32 array (C, H, W)."""
    try:
        record = next(records(body))
    except StopIteration:
        raise RecordIOError("empty RecordIO answer") from None
    features = decode_features(record)
    if "target" not in features or "shape" not in features:
        raise RecordIOError(f"the answer lacks 'target' or 'shape' (it has {sorted(features)})")
    shape = [int(s) for s in features["shape"]]
    target = features["target"]
    if int(np.prod(shape)) != target.size:
        raise RecordIOError(f"shape {shape} does not match {target.size} values")
    array = target.reshape(shape)
    return array[0] if array.ndim == 4 else array


def _key(number: int, wire: int) -> bytes:
    return _encode_varint((number << 3) | wire)


def _encode_varint(value: int) -> bytes:
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _delimited(number: int, payload: bytes) -> bytes:
    return _key(number, 2) + _encode_varint(len(payload)) + payload


def encode_probabilities(probabilities: np.ndarray) -> bytes:
    """One RecordIO record as the algorithm writes it: ``target`` (float32) and ``shape`` [1, C, H, W]."""
    probabilities = np.asarray(probabilities, dtype="<f4")
    shape = (1,) + probabilities.shape if probabilities.ndim == 3 else probabilities.shape
    target = _delimited(_FLOAT32_TENSOR, _delimited(1, probabilities.tobytes()))
    shape_values = b"".join(_encode_varint(int(s)) for s in shape)
    shape_value = _delimited(_INT32_TENSOR, _delimited(1, shape_values))
    record = b"".join(
        _delimited(1, _delimited(1, key.encode()) + _delimited(2, value))
        for key, value in (("target", target), ("shape", shape_value))
    )
    return struct.pack("<II", MAGIC, len(record)) + record + b"\0" * (-len(record) % 4)
