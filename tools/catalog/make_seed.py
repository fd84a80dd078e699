#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds resources/catalog/seed.json (format accelplan.catalog/1) from the reference tables.

    tools/catalog/make_seed.py ../shared/reference resources/catalog/seed.json

The reference (chips.csv, offerings.csv, hardware-notes.md) carries values in human units, a
confidence and sources per row. This script converts them to the catalog's base units and
applies the decisions hardware-notes.md asks for, each written down below with its reason:
dense rates only, scale-up bandwidth per direction, unknown values left empty. The build never
runs this script: its output is committed.
"""

import csv
import json
import re
import sys
from pathlib import Path

DATA_VERSION = "2026.11-1"
REFERENCE_RETRIEVED = "2026-11"  # month of the reference audit (hardware-notes.md)

TERA = 1e12
GIGA = 1e9
MIB = 1024 * 1024
GIB = 1024 ** 3

# Rows of chips.csv left out of the seed, and why.
EXCLUDED = {
    "cerebras-wse3": "wafer-scale system: no dense rate is published (125 PF uses Cerebras' sparsity "
                     "accounting) and its 21 PB/s on-wafer SRAM is not a per-chip memory",
    "huawei-ascend-910b1": "no verified figure at all; an empty row helps nobody",
    "qualcomm-sd8g3-hexagon": "no published compute rate",
}

# Chips whose vendor documentation states memory in GiB (hardware-notes.md, audit): the rest are
# decimal GB as vendors print them.
MEMORY_IN_GIB = {"google-tpu-v4", "google-tpu-v5p", "google-tpu-v7", "aws-trainium",
                 "aws-trainium2", "aws-inferentia2"}

# Scale-up domain as AccelPlan models it: (domain size, topology, bandwidth per chip per
# direction in GB/s or None when unknown, note). The reference mostly gives bidirectional totals
# ("Scale-up direction reminders" in hardware-notes.md); they are halved here.
SCALE_UP = {
    "nvidia-v100-sxm2-32gb": (8, "ring", 150, "NVLink 2 hybrid cube-mesh in DGX-1/HGX-1; modelled as a ring (what NCCL runs over it). 300 GB/s bidirectional total"),
    "nvidia-a100-sxm4-40gb": (8, "switch", 300, "600 GB/s bidirectional total"),
    "nvidia-a100-sxm4-80gb": (8, "switch", 300, "600 GB/s bidirectional total"),
    "nvidia-h100-sxm5-80gb": (8, "switch", 450, "900 GB/s bidirectional total"),
    "nvidia-h100-pcie-80gb": (2, "full-mesh", 300, "NVLink bridge pairs two cards: 600 GB/s bidirectional total"),
    "nvidia-h100-nvl-94gb": (2, "full-mesh", 300, "NVLink bridge pairs two cards: 600 GB/s bidirectional total"),
    "nvidia-h200-sxm-141gb": (8, "switch", 450, "900 GB/s bidirectional total"),
    "nvidia-b200": (8, "switch", 900, "1,800 GB/s bidirectional total"),
    "nvidia-gb200": (72, "switch", 900, "1,800 GB/s bidirectional total per GPU, NVL72 rack"),
    "nvidia-l4": (8, "switch", 32, "no NVLink: cards talk over PCIe Gen4 x16 (64 GB/s bidirectional); domain = 8 cards per host (e.g. AWS g6.48xlarge)"),
    "nvidia-l40s": (8, "switch", 32, "no NVLink: cards talk over PCIe Gen4 x16 (64 GB/s bidirectional); domain = 8 cards per host (e.g. AWS g6e.48xlarge)"),
    "nvidia-t4": (8, "switch", 16, "no NVLink: cards talk over PCIe Gen3 x16 (32 GB/s bidirectional); domain = 8 cards per host (e.g. AWS g4dn.metal)"),
    "nvidia-a10g": (8, "switch", 32, "no NVLink: cards talk over PCIe Gen4 x16 (64 GB/s bidirectional); domain = 8 cards per host (AWS g5.48xlarge)"),
    "amd-mi250x": (4, "full-mesh", 400, "800 GB/s aggregate of 8 Infinity Fabric links is bidirectional (ROCm docs: 50 GB/s per direction per link); part of it joins the package's two GCDs"),
    "amd-mi300x": (8, "full-mesh", 448, "7 x 128 GB/s = 896 GB/s bidirectional, fully connected 8-GPU UBB"),
    "amd-mi325x": (8, "full-mesh", 448, "7 links, 896 GB/s bidirectional, fully connected 8-GPU UBB"),
    "amd-mi355x": (8, "full-mesh", 538, "1,075 GB/s bidirectional aggregate per GPU as quoted from AMD's MI355X brochure by public sources (hardware-notes.md: found, not read from AMD directly)"),
    "google-tpu-v4": (4096, "3d-torus", None, "per-chip ICI bandwidth not given in the Cloud TPU docs: unknown"),
    "google-tpu-v5e": (256, "2d-torus", 200, "ICI 400 GB/s bidirectional (1,600 Gb/s per direction)"),
    "google-tpu-v5p": (8960, "3d-torus", 600, "ICI 1,200 GB/s bidirectional (4,800 Gb/s per direction)"),
    "google-tpu-v6e": (256, "2d-torus", 400, "ICI 800 GB/s bidirectional"),
    "google-tpu-v7": (9216, "3d-torus", 600, "ICI ~1,200 GB/s bidirectional per press; not seen in the Cloud doc text"),
    "huawei-ascend-910": (8, "full-mesh", None, "HCCS within an 8-NPU Atlas 800 server; per-chip bandwidth not settled: unknown"),
    "huawei-ascend-910b": (8, "full-mesh", 196, "HCCS full mesh in an 8-NPU Atlas 800T A2; 196 GB/s per NPU, direction not stated (taken as per direction, like the 910C's 7 x 224 Gb/s UB figure). Low confidence"),
    "huawei-ascend-910b2": (8, "full-mesh", 196, "HCCS, 196 GB/s per NPU from a performance-model table, direction not stated"),
    "huawei-ascend-910b3": (8, "full-mesh", 196, "HCCS, 196 GB/s per NPU from a performance-model table, direction not stated"),
    "huawei-ascend-910b4": (8, "switch", 32, "PCIe-class link, 32 GB/s per NPU in a performance-model table, direction not stated"),
    "huawei-ascend-910c": (384, "switch", None, "Unified Bus two-tier Clos (CloudMatrix384). Per-NPU bandwidth unresolved (196 GB/s per die or 392 per package, per direction): unknown until checked against arXiv 2506.12708"),
    "huawei-ascend-310p": (1, "none", None, "PCIe card"),
    "huawei-atlas-300i-duo": (1, "none", 32, "PCIe 4.0 x16 card (64 GB/s bidirectional)"),
    "intel-gaudi2": (8, "full-mesh", 262.5, "21 of 24 on-die 100 GbE RoCE ports join the 8 cards all-to-all: 21 x 100 Gb/s = 262.5 GB/s per direction"),
    "intel-gaudi3": (8, "full-mesh", 525, "21 of 24 on-die 200 GbE RoCE ports join the 8 OAMs all-to-all: 21 x 200 Gb/s = 525 GB/s per direction"),
    "aws-trainium": (16, "2d-torus", None, "NeuronLink-v2 4D hypercube of 16 chips (the same graph as a 4x4 torus); bandwidth not given in the Neuron docs"),
    "aws-trainium2": (16, "2d-torus", None, "NeuronLink-v3 4x4 torus in trn2.48xlarge (64 chips per UltraServer); bandwidth not given in the Neuron docs"),
    "aws-inferentia2": (12, "ring", None, "NeuronLink-v2 ring of up to 12 chips; bandwidth not given in the Neuron docs"),
    "groq-lpu-v1": (8, "full-mesh", None, "chip-to-chip links in an 8-card GroqNode; bandwidth not found"),
    "intel-xeon-8480plus": (2, "full-mesh", None, "two sockets over UPI 2.0; bandwidth not in the reference"),
    "amd-epyc-9654": (2, "full-mesh", None, "two sockets over xGMI; bandwidth not in the reference"),
    "apple-m4": (1, "none", None, "a single SoC"),
    "huawei-ascend-310": (1, "none", None, "PCIe card"),
}

# Blank reference cells filled from sources that hardware-notes.md lists as found, and scale-out
# fields the reference leaves empty. (field, value in base units, source).
FOUND = {
    "google-tpu-v6e": [("scale_out_bandwidth_bytes_per_s", 100e9 / 8,
                        {"field": "scale_out_bandwidth_bytes_per_s",
                         "url": "https://docs.cloud.google.com/tpu/docs/v6e",
                         "title": "Cloud TPU v6e: 4 x 200 Gb/s NICs per 8-chip host = 100 Gb/s per chip"})],
}

# Field-level sources named by the audit in hardware-notes.md.
AUDIT_SOURCES = {
    "nvidia-b200": [("peak_flops", "https://www.nvidia.com/en-us/data-center/hgx/", "NVIDIA HGX B200 platform page (8 GPUs: FP64 296 TF, FP32 600 TF, TF32 18 PF sparse)")],
    "nvidia-gb200": [("peak_flops", "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", "NVIDIA GB200 NVL72 page (rack totals / 72)")],
    "nvidia-t4": [("peak_flops.int4", "https://geektopia.es/es/technology/2018/09/13/noticias/nvidia-presenta-la-nueva-tesla-t4-basada-en-turing-orientada-a-inteligencia-artificial.html", "Tesla T4 launch specification: 260 TOPS INT4 (Turing has no FP4)")],
    "nvidia-l4": [("*", "https://store.sourcecode.com/en-us/bg-bucket-compare/125/9820", "NVIDIA L4 datasheet values as reproduced by a reseller")],
    "nvidia-l40s": [("*", "https://www.mullet.se/product.html?product_id=355414", "NVIDIA L40S datasheet copy")],
    "nvidia-h100-sxm5-80gb": [("peak_flops", "https://glennklockwood.com/garden/processors/h100", "H100 dense figures")],
    "nvidia-h200-sxm-141gb": [("peak_flops", "https://glennklockwood.com/garden/processors/h100", "H100/H200 dense figures")],
    "amd-mi355x": [("tdp_watts", "https://wccftech.com/amd-instinct-mi350-gpuai-hardware-powerhouse-3nm-3d-chiplet-cdna-4-185-billion-transistors-1400w-tbp-over-4000b-llm-support//amp/", "AMD Hot Chips 2025 material as reported by Wccftech (1,400 W TBP)")],
    "google-tpu-v4": [("*", "https://docs.cloud.google.com/tpu/docs/v4", "Cloud TPU v4 documentation")],
    "google-tpu-v5e": [("*", "https://docs.cloud.google.com/tpu/docs/v5e", "Cloud TPU v5e documentation")],
    "google-tpu-v5p": [("*", "https://docs.cloud.google.com/tpu/docs/v5p-training", "Cloud TPU v5p documentation")],
    "google-tpu-v6e": [("*", "https://docs.cloud.google.com/tpu/docs/v6e", "Cloud TPU v6e documentation")],
    "google-tpu-v7": [("*", "https://docs.cloud.google.com/tpu/docs/tpu7x", "Cloud TPU7x (Ironwood) documentation"),
                      ("peak_flops", "https://docs.cloud.google.com/tpu/docs/ironwood-performance", "Ironwood performance")],
    "huawei-ascend-910": [("*", "https://old.hotchips.org/hc31/HC31_1.11_Huawei.Davinci.HengLiao_v4.0.pdf", "Huawei Da Vinci, Hot Chips 2019"),
                          ("*", "http://www.hxnews.com/news/itkj/kjqy/201909/18/1806187_3.shtml", "Atlas 900 launch text")],
    "huawei-ascend-910b": [("*", "https://boardor.com/blog/huawei-ascend-910b-outperforms-h20-910c-approaches-h100", "Secondary summary: ~320 TFLOPS FP16, 64 GB HBM2e, 310 W (published 910B figures disagree widely)")],
    "aws-inferentia2": [("*", "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inferentia2.html", "AWS Neuron docs: Inferentia2")],
    "apple-m4": [("*", "https://www.engadget.com/apples-m4-chip-arrives-with-a-big-focus-on-ai-142448428.html", "Apple M4 announcement as reported by Engadget")],
}

KINDS = {"GPU": "gpu", "TPU": "tpu", "NPU": "npu", "CPU": "cpu", "other": "other"}
PRECISION_COLUMNS = [("fp32", "fp32_tflops_dense"), ("tf32", "tf32_tflops_dense"),
                     ("bf16", "bf16_tflops_dense"), ("fp16", "fp16_tflops_dense"),
                     ("fp8", "fp8_tflops_dense"), ("int8", "int8_tops_dense"),
                     ("fp4", "fp4_tflops_dense")]

# INT4 rates: the reference has no column; these come from its notes.
INT4 = {"nvidia-t4": 260 * TERA}

URL = re.compile(r"https?://\S+")


def rounded(value):
    """Drops the binary noise of a unit conversion (66.9 * 1e12 -> 6.69e13)."""
    return None if value is None else float(f"{value:.12g}")


def number(text):
    text = (text or "").strip().replace(",", "")
    return float(text) if text else None


def parse_sources(text, retrieved):
    sources = []
    for part in (p.strip() for p in text.split(" ; ")):
        if not part:
            continue
        match = URL.search(part)
        url = match.group(0).rstrip(")") if match else ""
        title = (part.replace(match.group(0), "") if match else part).strip(" ()")
        domain = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
        if not title:
            title = domain
        elif url and len(title) < 12:
            title = f"{domain} ({title})"
        sources.append({"field": "*", "url": url, "title": title, "retrieved": retrieved})
    return sources


def join_notes(*parts):
    return " ".join(p.strip().rstrip(".") + "." for p in parts if p and p.strip())


def chip_from_row(row):
    cid = row["id"]
    peak = {}
    # FP64: the larger of the vector and the matrix (tensor-core) rate is the chip's peak.
    fp64 = [v for v in (number(row["fp64_tflops_dense"]), number(row["fp64_matrix_tflops_dense"])) if v]
    if fp64:
        peak["fp64"] = max(fp64) * TERA
    for key, column in PRECISION_COLUMNS:
        value = number(row[column])
        if value is not None:
            peak[key] = value * TERA
    if cid in INT4:
        peak["int4"] = INT4[cid]

    memory_gb = number(row["memory_gb"])
    memory = None
    if memory_gb is not None:
        memory = memory_gb * (GIB if cid in MEMORY_IN_GIB else GIGA)
    bandwidth = number(row["memory_bw_tbs"])
    sram = number(row["onchip_sram_cache_mb"])
    domain, topology, per_direction, scale_note = SCALE_UP[cid]
    scale_out = number(row["scaleout_gbps_per_chip"])

    chip = {
        "id": cid,
        "vendor": row["vendor"],
        "family": row["family"],
        "name": row["name"],
        "kind": KINDS[row["kind"]],
        "year": int(row["launch_year"]) if row["launch_year"] else None,
        "process": row["process_node"],
        "peak_flops": peak,
        "onchip_sram_bytes": sram * MIB if sram is not None else None,
        "memory_type": row["memory_type"],
        "memory_bytes": memory,
        "memory_bandwidth_bytes_per_s": bandwidth * TERA if bandwidth is not None else None,
        "scale_up": {"fabric": row["scaleup_interconnect"],
                     "bandwidth_bytes_per_s": per_direction * GIGA if per_direction is not None else None,
                     "domain_size": domain, "topology": topology},
        "scale_out_bandwidth_bytes_per_s": scale_out * GIGA / 8 if scale_out is not None else None,
        "tdp_watts": number(row["tdp_w"]),
        "price_usd": number(row["price_usd"]),
        "software": row["software_stack"],
        "notes": join_notes(
            f"Reference confidence: {row['confidence']}",
            row["compute_note"],
            f"On-chip memory: {row['sram_note']}" if row["sram_note"] else "",
            f"Scale-up: {scale_note}",
            f"Price: {row['price_note']}" if row["price_note"] else "",
            row["notes"]),
        "sources": parse_sources(row["source"], REFERENCE_RETRIEVED),
    }
    # The price note names where an estimated price comes from.
    for url in URL.findall(row["price_note"]):
        url = url.rstrip("),;")
        if not any(src["url"] == url for src in chip["sources"]):
            chip["sources"].append({"field": "price_usd", "url": url, "title": "price estimate",
                                    "retrieved": REFERENCE_RETRIEVED})
    for field, url, title in AUDIT_SOURCES.get(cid, []):
        chip["sources"].append({"field": field, "url": url, "title": title,
                                "retrieved": REFERENCE_RETRIEVED})
    for field, value, source in FOUND.get(cid, []):
        chip[field] = value
        chip["sources"].append(dict(source, retrieved=REFERENCE_RETRIEVED))
    return chip


def h800_from(h100):
    """The H800 is not a row of chips.csv; the reference README and hardware-notes.md describe it."""
    chip = json.loads(json.dumps(h100))
    chip.update({
        "id": "nvidia-h800-sxm5-80gb",
        "name": "H800 SXM5 80GB",
        "year": 2023,
        "price_usd": None,
        "scale_out_bandwidth_bytes_per_s": 400e9 / 8,
        "notes": join_notes(
            "Reference confidence: medium",
            "Export variant of the H100 SXM5: the same tensor and FP32 rates, 80 GB HBM3 at 3.35 TB/s and 700 W",
            "FP64 cut to about 1 TFLOPS (vector and tensor) per NVIDIA's H800 datasheet as quoted by philisun.com",
            "Scale-up: NVLink cut to 400 GB/s bidirectional (200 GB/s per direction) instead of 900",
            "Scale-out: 400 Gb/s InfiniBand per GPU as in the DeepSeek-V3 training cluster",
            "Launch year 2023 and price not in the reference"),
        "sources": [
            {"field": "*", "url": "https://arxiv.org/abs/2412.19437",
             "title": "DeepSeek-V3 Technical Report (2,048 H800, NVLink 400 GB/s, 400 Gb/s IB per GPU)",
             "retrieved": REFERENCE_RETRIEVED},
            {"field": "peak_flops.fp64",
             "url": "https://www.philisun.com/technical-analysis/nvidia-h800-vs-h100-a-technical-deep-dive-into-politically-defined-ai-chips/",
             "title": "NVIDIA H800 vs H100 (quotes the H800 datasheet: ~1 TFLOPS FP64)",
             "retrieved": REFERENCE_RETRIEVED},
        ] + [dict(s, field="peak_flops") for s in h100["sources"] if s["field"] == "*"][:1],
    })
    chip["peak_flops"]["fp64"] = 1.0 * TERA
    chip["scale_up"]["bandwidth_bytes_per_s"] = 200 * GIGA
    return chip


# --- offerings -------------------------------------------------------------------------------

PROVIDERS = {
    "AWS": "aws", "GCP": "gcp", "Azure": "azure", "OCI": "oci", "Lambda": "lambda",
    "CoreWeave": "coreweave", "DigitalOcean": "digitalocean", "Intel Tiber AI Cloud": "intel-tiber",
    "MyRemoteMac": "myremotemac", "Nebius": "nebius", "Crusoe": "crusoe",
    "Hyperstack (NexGen Cloud)": "hyperstack", "RunPod": "runpod", "Akash Network": "akash",
    "TensorWave": "tensorwave", "Vultr": "vultr",
}

# Offerings the provider sells under a descriptive name rather than an instance type get a
# short AccelPlan label (the provider's description stays in the notes).
INSTANCE_LABELS = {
    ("GCP", "n1-standard-* + 1x T4"): "n1-standard+1xt4",
    # GKE's machine type for an 8-chip v6e host (the contract's example names it).
    ("GCP", "tpu-v6e-8"): "ct6e-standard-8t",
    ("CoreWeave", "NVIDIA HGX H100 (8-GPU node)"): "hgx-h100-8x",
    ("CoreWeave", "NVIDIA HGX H200 (8-GPU node)"): "hgx-h200-8x",
    ("CoreWeave", "NVIDIA HGX B200 (8-GPU node)"): "hgx-b200-8x",
    ("CoreWeave", "NVIDIA GB200 NVL72 (4-GPU node)"): "gb200-nvl72-4x",
    ("CoreWeave", "NVIDIA L40S (8-GPU node)"): "l40s-8x",
    ("CoreWeave", "NVIDIA A100 (8-GPU node, 80 GB)"): "a100-80gb-8x",
    ("Crusoe", "NVIDIA H200 141GB HGX (per-GPU rate)"): "h200-1x",
    ("Crusoe", "AMD MI300X 192GB (per-GPU rate)"): "mi300x-1x",
    ("Hyperstack (NexGen Cloud)", "NVIDIA B200 (per-GPU rate)"): "b200-1x",
    ("Hyperstack (NexGen Cloud)", "NVIDIA H200 SXM (per-GPU rate)"): "h200-sxm-1x",
    ("RunPod", "H200 Secure Cloud (1-GPU pod)"): "h200-secure-1x",
    ("RunPod", "B200 Secure Cloud (1-GPU pod)"): "b200-secure-1x",
    ("Akash Network", "B200 180GB HBM3e (marketplace, starting price)"): "b200-1x",
    ("Akash Network", "H200 141GB SXM5 (marketplace, starting price)"): "h200-1x",
    ("TensorWave", "MI300X (per-GPU rate)"): "mi300x-1x",
    ("TensorWave", "MI325X (per-GPU rate)"): "mi325x-1x",
    ("Vultr", "MI300X (per-GPU rate)"): "mi300x-1x",
    ("MyRemoteMac", "Mac mini M4 dedicated cloud server (monthly plan)"): "mac-mini-m4-monthly",
    ("OCI", "BM.GPU.GB200.4 (GB200 NVL72 slice)"): "BM.GPU.GB200.4",
}

ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def offering_from_row(row):
    chips = int(row["chips_per_instance"])
    per_instance = number(row["on_demand_usd_per_instance_hr"])
    per_chip = number(row["on_demand_usd_per_chip_hr"])
    if per_instance is None and per_chip is not None:
        per_instance = per_chip * chips
    prices = {}
    if per_instance is not None:
        prices["on-demand"] = round(per_instance, 6)
    for key, column in (("spot", "spot_usd_per_chip_hr_min"), ("reserved-1y", "commit_1y_usd_per_chip_hr"),
                        ("reserved-3y", "commit_3y_usd_per_chip_hr")):
        value = number(row[column])
        if value is not None:
            prices[key] = round(value * chips, 6)
    date = ISO_DATE.match(row["price_date"])
    region = row["region"] if row["region"] not in ("not stated",) else ""
    instance = INSTANCE_LABELS.get((row["provider"], row["instance_type"]), row["instance_type"])
    spot_max = number(row["spot_usd_per_chip_hr_max"])
    spot_min = number(row["spot_usd_per_chip_hr_min"])
    notes = join_notes(
        f"Provider's name: {row['instance_type']}" if instance != row["instance_type"] else "",
        f"Price basis: {row['price_basis']}",
        f"Price date: {row['price_date']}",
        f"Spot is the lowest of a range up to ${spot_max:g} per chip-hour" if spot_max and spot_min and spot_max > spot_min else "",
        row["notes"])
    return {
        "chip": row["chip_id"],
        "provider": PROVIDERS[row["provider"]],
        "instance": instance,
        "region": region,
        "chips_per_instance": chips,
        "usd_per_hour": prices,
        "as_of": date.group(1) if date else "",
        "source": row["source"],
        "notes": notes,
    }


def drop_empty(value):
    if isinstance(value, dict):
        return {k: drop_empty(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_empty(v) for v in value]
    return value


def main(reference, output):
    reference = Path(reference)
    with open(reference / "chips.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["id"] not in EXCLUDED]
    chips = [chip_from_row(r) for r in rows]
    h100 = next(c for c in chips if c["id"] == "nvidia-h100-sxm5-80gb")
    chips.insert(chips.index(h100) + 1, h800_from(h100))
    chip_ids = {c["id"] for c in chips}
    with open(reference / "offerings.csv", newline="", encoding="utf-8") as f:
        offerings = [offering_from_row(r) for r in csv.DictReader(f)]
    missing = [o["chip"] for o in offerings if o["chip"] not in chip_ids]
    if missing:
        sys.exit(f"offerings name chips not in the seed: {missing}")
    for chip in chips:
        chip["peak_flops"] = {k: rounded(v) for k, v in chip["peak_flops"].items()}
        for key in ("onchip_sram_bytes", "memory_bytes", "memory_bandwidth_bytes_per_s",
                    "scale_out_bandwidth_bytes_per_s"):
            chip[key] = rounded(chip[key])
        chip["scale_up"]["bandwidth_bytes_per_s"] = rounded(chip["scale_up"]["bandwidth_bytes_per_s"])
    document = {"format": "accelplan.catalog/1", "catalog_version": DATA_VERSION,
                "chips": drop_empty(chips), "offerings": drop_empty(offerings)}
    Path(output).write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{output}: {len(chips)} chips, {len(offerings)} offerings, "
          f"{len({o['provider'] for o in offerings})} providers")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
