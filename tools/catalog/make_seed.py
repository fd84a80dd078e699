#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds resources/catalog/seed.json (format accelplan.catalog/1) from the reference tables.

    tools/catalog/make_seed.py [REFERENCE_DIR OUTPUT]

By default it reads the project's own reference, tools/catalog/reference/ (chips.csv,
offerings.csv and their NOTES.md / OFFERINGS-NOTES.md), and writes resources/catalog/seed.json.
The reference carries values in human units, how each is known and sources per row. This script
converts them to the catalog's base units and applies the decisions the notes ask for, each
written down below with its reason: dense rates only, scale-up bandwidth per direction, unknown
values left empty, a purchase price (or an estimated range, marked as an estimate) for every
chip. The build never runs this script: its output is committed.
"""

import csv
import json
import re
import sys
from pathlib import Path

DATA_VERSION = "2026.12-7"
REFERENCE_RETRIEVED = "2026-12"  # month of the reference research (NOTES.md)
HERE = Path(__file__).resolve().parent

TERA = 1e12
GIGA = 1e9
MIB = 1024 * 1024
GIB = 1024 ** 3

# Rows of chips.csv left out of the seed, and why.
EXCLUDED = {
    "cerebras-wse3": "wafer-scale system: no dense rate is published (125 PF uses Cerebras' sparsity "
                     "accounting) and its 21 PB/s on-wafer SRAM is not a per-chip memory",
    "huawei-ascend-910b1": "no compute, memory or bandwidth figure at all (only an estimated TDP); "
                           "an empty row helps nobody",
    "qualcomm-sd8g3-hexagon": "no published compute rate; its successor qualcomm-snapdragon-8-elite "
                              "is in the catalog",
}

# Chips whose vendor documentation states memory in GiB (hardware-notes.md, audit): the rest are
# decimal GB as vendors print them.
MEMORY_IN_GIB = {"google-tpu-v4", "google-tpu-v5p", "google-tpu-v7", "aws-trainium",
                 "aws-trainium2", "aws-inferentia2"}

# Scale-up domain as AccelPlan models it: (domain size, topology, bandwidth per chip per
# direction in GB/s or None when unknown, note). The reference mostly gives bidirectional totals
# ("Scale-up direction reminders" in hardware-notes.md); they are halved here. These are the
# decisions made for the chips of the 2026.11 seed, kept so that their simulation does not change
# without a reason; chips added since take theirs from the reference's columns (scale_up_from()).
# The 2026.12 research settled four bandwidths left unknown before (NOTES.md, "Base cells
# changed"): TPU v4, Ascend 910, Ascend 910C and Trainium / Trainium2.
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
    "nvidia-l4": (8, "pcie", 32, "no NVLink: cards talk over PCIe Gen4 x16 (64 GB/s bidirectional); domain = 8 cards per host (e.g. AWS g6.48xlarge)"),
    "nvidia-l40s": (8, "pcie", 32, "no NVLink: cards talk over PCIe Gen4 x16 (64 GB/s bidirectional); domain = 8 cards per host (e.g. AWS g6e.48xlarge)"),
    "nvidia-t4": (8, "pcie", 16, "no NVLink: cards talk over PCIe Gen3 x16 (32 GB/s bidirectional); domain = 8 cards per host (e.g. AWS g4dn.metal)"),
    "nvidia-a10g": (8, "pcie", 32, "no NVLink: cards talk over PCIe Gen4 x16 (64 GB/s bidirectional); domain = 8 cards per host (AWS g5.48xlarge)"),
    "amd-mi250x": (4, "full-mesh", 400, "800 GB/s aggregate of 8 Infinity Fabric links is bidirectional (ROCm docs: 50 GB/s per direction per link); part of it joins the package's two GCDs"),
    "amd-mi300x": (8, "full-mesh", 448, "7 x 128 GB/s = 896 GB/s bidirectional, fully connected 8-GPU UBB"),
    "amd-mi325x": (8, "full-mesh", 448, "7 links, 896 GB/s bidirectional, fully connected 8-GPU UBB"),
    "amd-mi355x": (8, "full-mesh", 538, "1,075 GB/s bidirectional aggregate per GPU as quoted from AMD's MI355X brochure by public sources (hardware-notes.md: found, not read from AMD directly)"),
    "google-tpu-v4": (4096, "3d-torus", 270, "6 ICI links x 45 GB/s one way (jax-ml scaling book): 540 GB/s bidirectional, not a Cloud-docs figure"),
    "google-tpu-v5e": (256, "2d-torus", 200, "ICI 400 GB/s bidirectional (1,600 Gb/s per direction)"),
    "google-tpu-v5p": (8960, "3d-torus", 600, "ICI 1,200 GB/s bidirectional (4,800 Gb/s per direction)"),
    "google-tpu-v6e": (256, "2d-torus", 400, "ICI 800 GB/s bidirectional"),
    "google-tpu-v7": (9216, "3d-torus", 600, "ICI ~1,200 GB/s bidirectional per press; not seen in the Cloud doc text"),
    "huawei-ascend-910": (8, "full-mesh", 90, "HCCS within an 8-NPU Atlas 800 server: 3 links x 240 Gb/s = 90 GB/s (Hot Chips 2019 summary); direction not stated, taken as per direction like the 910B's figure. Low confidence"),
    "huawei-ascend-910b": (8, "full-mesh", 196, "HCCS full mesh in an 8-NPU Atlas 800T A2; 196 GB/s per NPU, direction not stated (taken as per direction, like the 910C's 7 x 224 Gb/s UB figure). Low confidence"),
    "huawei-ascend-910b2": (8, "full-mesh", 196, "HCCS, 196 GB/s per NPU from a performance-model table, direction not stated"),
    "huawei-ascend-910b3": (8, "full-mesh", 196, "HCCS, 196 GB/s per NPU from a performance-model table, direction not stated"),
    "huawei-ascend-910b4": (8, "pcie", 32, "PCIe-class link, 32 GB/s per NPU in a performance-model table, direction not stated"),
    "huawei-ascend-910c": (384, "switch", 392, "Unified Bus two-tier Clos (CloudMatrix384): >392 GB/s per direction per 910C package (the paper arXiv 2506.12708 as summarised by two sources; 196 GB/s is the per-die figure)"),
    "huawei-ascend-310p": (1, "none", None, "PCIe card"),
    "huawei-atlas-300i-duo": (1, "none", 32, "PCIe 4.0 x16 card (64 GB/s bidirectional)"),
    "intel-gaudi2": (8, "full-mesh", 262.5, "21 of 24 on-die 100 GbE RoCE ports join the 8 cards all-to-all: 21 x 100 Gb/s = 262.5 GB/s per direction"),
    "intel-gaudi3": (8, "full-mesh", 525, "21 of 24 on-die 200 GbE RoCE ports join the 8 OAMs all-to-all: 21 x 200 Gb/s = 525 GB/s per direction"),
    "aws-trainium": (16, "2d-torus", 384, "NeuronLink-v2 4D hypercube of 16 chips (the same graph as a 4x4 torus); 384 GB/s per chip in the Neuron docs' Trainium2 comparison table, direction not stated: taken as per direction. Low confidence"),
    "aws-trainium2": (16, "2d-torus", 1280, "NeuronLink-v3 4x4 torus in trn2.48xlarge (64 chips per UltraServer); 1.28 TB/s per chip in the Neuron docs, direction not stated: taken as per direction. Low confidence"),
    "aws-inferentia2": (12, "ring", None, "NeuronLink-v2 ring of up to 12 chips; bandwidth not given in the Neuron docs"),
    "groq-lpu-v1": (8, "full-mesh", None, "chip-to-chip links in an 8-card GroqNode; bandwidth not found"),
    "intel-xeon-8480plus": (2, "full-mesh", None, "two sockets over UPI 2.0; bandwidth not in the reference"),
    "amd-epyc-9654": (2, "full-mesh", None, "two sockets over xGMI; bandwidth not in the reference"),
    "apple-m4": (1, "none", None, "a single SoC"),
    "apple-m4-gpu": (1, "none", None, "a single SoC"),
    "huawei-ascend-310": (1, "none", None, "PCIe card"),
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
    "amd-mi300x": [("peak_flops", "https://rocm.blogs.amd.com/software-tools-optimization/measuring-max-achievable-flops-part2/README.html",
                    "AMD ROCm blog, Measuring Max-Achievable FLOPs Part 2 (2025-02-28), Table 1: median engine clock and achieved "
                    "TFLOPS under hipBLASLt GEMMs, MI300X (750 W) vs MI325X (1,000 W)")],
    "intel-gaudi3": [("peak_flops", "https://github.com/stas00/ml-engineering/blob/b9e29720eebd4aa946fa9678975385efbc90a777/compute/accelerator/README.md",
                      "stas00/ml-engineering, Accelerators: Gaudi 3 runs its MME at 1,600 MHz (device-reported), not the "
                      "1,750 MHz the whitepaper's 1,835 TFLOPS needs; 1,677 TFLOPS BF16 and FP8")],
    "amd-mi355x": [("tdp_watts", "https://wccftech.com/amd-instinct-mi350-gpuai-hardware-powerhouse-3nm-3d-chiplet-cdna-4-185-billion-transistors-1400w-tbp-over-4000b-llm-support//amp/", "AMD Hot Chips 2025 material as reported by Wccftech (1,400 W TBP)")],
    "google-tpu-v4": [("*", "https://docs.cloud.google.com/tpu/docs/v4", "Cloud TPU v4 documentation")],
    "google-tpu-v5e": [("*", "https://docs.cloud.google.com/tpu/docs/v5e", "Cloud TPU v5e documentation")],
    "google-tpu-v5p": [("*", "https://docs.cloud.google.com/tpu/docs/v5p-training", "Cloud TPU v5p documentation")],
    "google-tpu-v6e": [("*", "https://docs.cloud.google.com/tpu/docs/v6e", "Cloud TPU v6e documentation"),
                       ("scale_out_bandwidth_bytes_per_s", "https://docs.cloud.google.com/tpu/docs/v6e",
                        "Cloud TPU v6e: 4 x 200 Gb/s NICs per 8-chip host = 100 Gb/s per chip")],
    "google-tpu-v7": [("*", "https://docs.cloud.google.com/tpu/docs/tpu7x", "Cloud TPU7x (Ironwood) documentation"),
                      ("peak_flops", "https://docs.cloud.google.com/tpu/docs/ironwood-performance", "Ironwood performance")],
    "huawei-ascend-910": [("*", "https://old.hotchips.org/hc31/HC31_1.11_Huawei.Davinci.HengLiao_v4.0.pdf", "Huawei Da Vinci, Hot Chips 2019"),
                          ("*", "http://www.hxnews.com/news/itkj/kjqy/201909/18/1806187_3.shtml", "Atlas 900 launch text")],
    "huawei-ascend-910b": [("*", "https://boardor.com/blog/huawei-ascend-910b-outperforms-h20-910c-approaches-h100", "Secondary summary: ~320 TFLOPS FP16, 64 GB HBM2e, 310 W (published 910B figures disagree widely)")],
    "aws-inferentia2": [("*", "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inferentia2.html", "AWS Neuron docs: Inferentia2")],
    "apple-m4": [("*", "https://www.engadget.com/apples-m4-chip-arrives-with-a-big-focus-on-ai-142448428.html", "Apple M4 announcement as reported by Engadget")],
}

KINDS = {"GPU": "gpu", "TPU": "tpu", "NPU": "npu", "CPU": "cpu", "other": "other"}
# The reference's topology names -> the catalog's.
TOPOLOGIES = {"switch": "switch", "torus-2d": "2d-torus", "torus-3d": "3d-torus", "ring": "ring",
              "mesh": "full-mesh", "pcie": "pcie", "none": "none"}
BASES = {"vendor", "measured", "secondary", "estimate"}

# --- how the TDP and the price are known -----------------------------------------------------
# A source's `basis` says how its value is known: the row's source_kind for the chip as a whole;
# for the TDP, `estimate` where tdp_source starts with "estimate:", else the row's kind except
# where the figure is not the vendor's own (these overrides); for the price, see PRICE_BASIS.
TDP_BASIS = {
    "google-tpu-v4": "measured",  # 192 W is the highest draw Google measured, not a rating
    "nvidia-b200": "secondary",   # per-GPU figure from a partner's blog (Verda)
    "nvidia-gb200": "secondary",  # NVIDIA publishes no per-GPU figure; partner/press
    "nvidia-gb300": "secondary",
    "amd-mi355x": "secondary",    # Hot Chips material as reported by Wccftech
}

# Purchase prices. Vendors publish list prices only for these (NOTES.md, "Prices"); every other
# price found is a street price, an index "MSRP" or a reseller listing (`secondary`), or derived
# by whoever entered it from a system or rack price (`estimate`, PRICE_DERIVED).
PRICE_VENDOR = {"intel-xeon-8480plus", "amd-epyc-9654", "intel-gaudi2", "intel-gaudi3", "apple-m4",
                "apple-m4-gpu",
                "nvidia-jetson-orin-nano-8gb", "nvidia-rtx-pro-6000-blackwell",
                "nvidia-rtx-6000-ada"}
PRICE_DERIVED = {"nvidia-gb200", "nvidia-gb300", "huawei-ascend-910b", "huawei-ascend-910c",
                 "huawei-ascend-310p"}

# Chips the reference leaves without any price. Searches of the stored pages (2026-12: AMD
# Instinct, H100 NVL, B300, L40, V100, MI210, Jetson AGX Orin, Hailo-8, Ascend 910/910B chip
# prices) found no purchase price for most; each gets a range marked `estimate`, anchored on a
# priced sibling of the catalog or on what was found, with the reasoning in its source, so that
# `owned` can cost every chip. The cost code takes the middle of the range and says so.
# (low USD, high USD, reasoning, url)
PRICE_ESTIMATES = {
    "nvidia-v100-sxm2-32gb": (2000, 6000, "no price found; a 2017 part two generations before the A100, whose street price is $8,000-15,000 in this catalog: taken as 25-40% of it", ""),
    "nvidia-h800-sxm5-80gb": (25000, 35000, "no price found; the export variant of the H100 SXM5 (catalog street price $30,678), sold in China at about the H100's price: the H100 PCIe and H200 prices of this catalog as bounds", ""),
    "nvidia-h100-nvl-94gb": (25000, 32000, "no price found; the PCIe H100 with 94 GB: between the H100 PCIe ($25,000) and H100 SXM5 ($30,678) of this catalog, a little above for the memory", ""),
    "nvidia-b300": (35000, 50000, "no per-GPU price found; low: the top of the B200's $30,000-40,000 press range; high: a DGX B300 (8 GPUs) reported at $400,000+, i.e. $50,000 per GPU including the system", "https://aicloud.press/en/news/nvidia-b300-gb300-ai-superchip"),
    "nvidia-l40": (6000, 9000, "no price found; the L40S of this catalog is $8,000 (index MSRP) and the L40 is the same board with lower tensor rates", ""),
    "nvidia-a100-pcie-80gb": (8000, 15000, "no price found; the A100 SXM4 80GB street range of this catalog ($8,000-15,000, mercatus-ai) applied to the PCIe card", "https://www.mercatus-ai.com/blog/a100-vs-h100-vs-h200"),
    "amd-mi250x": (6000, 12000, "no price found; the previous generation of the MI300X ($15,000 index MSRP in this catalog), with 128 GB HBM2e: 40-80% of it", ""),
    "amd-mi325x": (15000, 25000, "no price found; the MI300X with 256 GB HBM3e: from the MI300X's $15,000 up to below the H200's $27,000 (Reuters) it competes with", ""),
    "amd-mi355x": (20000, 30000, "no price found; AMD's answer to the B200 ($30,000-40,000 press range), priced below it: 65-100% of the B200's low end", ""),
    "amd-mi210": (4000, 8000, "no price found; the PCIe card of the MI200 generation with one of the MI250X's two dies: about half the MI250X estimate", ""),
    "huawei-ascend-910": (10000, 15000, "no price found; the 2019 predecessor of the 910B, below the 910B bins' estimate ($14,700-23,500)", ""),
    "huawei-ascend-910b2": (14700, 23500, "no chip price found; China Telecom Jiangsu's market table sells an Atlas 800T A2 (8 x 910B, 4 x Kunpeng 920) for about CNY 1.35M (its '135', in 10,000 CNY), at 0.1395 USD per CNY $188,300 = $23,500 per NPU including the server: the high end; the chip alone taken as that over 1.6 (the host and network share AccelPlan adds to a chip's price)", "https://github.com/Hppppppf/jsctyun_gpu"),
    "huawei-ascend-910b3": (14700, 23500, "as huawei-ascend-910b2: the same Atlas 800T A2 server price per NPU (China Telecom Jiangsu market table), the lower grade sold at the same server price", "https://github.com/Hppppppf/jsctyun_gpu"),
    "huawei-ascend-910b4": (10300, 16500, "no price found; the lower-clocked 910B bin with half the HBM: 70% of the 910B2/B3 estimate", ""),
    "huawei-ascend-310": (150, 400, "no price found; an 8 W, 16 TOPS inference chip, smaller than the 310P (about $700, half an Atlas 300I Duo card in this catalog)", ""),
    "huawei-ascend-310b": (100, 300, "no price found; an 8-20 TOPS edge SoC of the 310 class, sold on modules and developer boards", ""),
    "nvidia-jetson-agx-orin-64gb": (1999, 1999, "the developer kit's list price as recalled by the reference's author, not found in a stored page (NOTES.md)", ""),
    "hailo-8": (75, 75, "a Raspberry Pi AI HAT+ with the Hailo-8, as priced by a user's lab notebook (a whole add-on board; the chip is not sold alone)", "https://www.dugganusa.com/post/the-75-hat-that-outruns-a-500-jetson"),
    "qualcomm-snapdragon-8-elite": (799, 1299, "not sold alone; a phone with it, per device as the contract costs edge chips: flagship Android phones of 2025 list from about $799 (base) to $1,299 (ultra) — prices as generally listed, not read in a stored page", ""),
    "apple-a18-pro": (999, 1199, "not sold alone; the iPhone 16 Pro and Pro Max that carry it, per device: Apple's US list prices as generally known, not read in a stored page", ""),
    "mediatek-dimensity-9400": (700, 1100, "not sold alone; flagship phones with it (vivo X200, OPPO Find X8 series) per device, in the range of the other phone SoCs of this catalog; not read in a stored page", ""),
    "amd-ryzen-ai-9-hx-370": (1100, 2000, "not sold alone; laptops with it, per device, like the Core Ultra 7 258V laptop ($1,199) of this catalog: mid-range to premium 2024-2025 laptops; not read in a stored page", ""),
}

# Chips that are not sold at all (TPUs, AWS silicon, Groq): a hypothetical price, so that `owned`
# can compare them, from an analysis of TPU v7 costs: $5,579 per H100-equivalent of compute for
# Google against $17,000 for the same compute bought from NVIDIA (The Business Engineer, as
# reproduced by FourWeekMBA). Each chip's range is those two figures times its dense BF16 (FP16
# for Groq) rate over the H100's 989.4 TFLOP/s: what building it might cost its owner, and what
# the same compute costs on the market. Memory and fabric are ignored: an estimate, marked so.
NOT_SOLD_SOURCE = ("https://fourweekmba.com/google-tpu-the-largest-alternative-ecosystem/",
                   "The Business Engineer via FourWeekMBA: TPU v7 at $5,579 per H100-equivalent vs "
                   "$17,000 from NVIDIA")
NOT_SOLD = {"google-tpu-v4", "google-tpu-v5e", "google-tpu-v5p", "google-tpu-v6e", "google-tpu-v7",
            "aws-trainium", "aws-trainium2", "aws-trainium3", "aws-inferentia2", "groq-lpu-v1"}
H100_EQUIVALENT = (5579, 17000)
H100_BF16_TFLOPS = 989.4
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


def scale_up_from(row):
    """A chip added since the 2026.11 seed: its scale-up domain from the reference's columns."""
    domain = int(number(row["pod_size"]) or 1)
    topology = TOPOLOGIES[row["scaleup_topology"] or "none"]
    bandwidth = number(row["scaleup_gbs_per_chip"])
    direction = row["scaleup_bw_direction"]
    if bandwidth is not None and "bidirectional" in direction:
        note = f"{bandwidth:g} GB/s {direction}: halved to per direction"
        bandwidth /= 2
    elif bandwidth is not None:
        note = f"{bandwidth:g} GB/s, {direction or 'direction not stated'}: taken as per direction"
    else:
        note = "bandwidth not found"
    return domain, topology, bandwidth, note


def value_sources(field, text, basis, retrieved):
    """Sources of one value from a tdp_source / price_source cell: URLs with what they say, or an
    "estimate: reasoning" (the reasoning becomes the title, as the contract's estimate note).
    Only the lower-case "estimate:" / "derived:" of the 2026.12 columns mark our own estimates;
    the upper-case "ESTIMATE:" of the copied price notes labels street and press prices, which
    are secondary (NOTES.md, "Prices")."""
    text = text.strip()
    if not text:
        return []
    if text.startswith(("estimate:", "derived:")):
        url = URL.search(text)
        return [{"field": field, "url": url.group(0).rstrip("),;") if url else "",
                 "title": text, "retrieved": retrieved, "basis": "estimate"}]
    return [dict(s, field=field, basis=basis) for s in parse_sources(text, retrieved)]


def price_of(row):
    """(price, low, high, basis, sources): the reference's price cells with the decisions above."""
    cid = row["id"]
    price, low, high = number(row["price_usd"]), number(row["price_usd_low"]), number(row["price_usd_high"])
    basis = ("vendor" if cid in PRICE_VENDOR else "estimate" if cid in PRICE_DERIVED
             else "secondary")
    text = row["price_source"] or row["price_note"]
    if text.startswith("reference row"):
        text = row["price_note"]  # the copied row's note holds the source itself
    sources = value_sources("price_usd", text, basis, REFERENCE_RETRIEVED) if price or low else []
    if cid in PRICE_ESTIMATES:
        low, high, why, url = PRICE_ESTIMATES[cid]
        price = low if low == high else None
        sources = [{"field": "price_usd", "url": url, "title": f"estimate: {why}",
                    "retrieved": REFERENCE_RETRIEVED, "basis": "estimate"}]
        basis = "estimate"
    elif cid in NOT_SOLD:
        rate = number(row["bf16_tflops_dense"]) or number(row["fp16_tflops_dense"])
        low, high = (round(v * rate / H100_BF16_TFLOPS, -1) for v in H100_EQUIVALENT)
        price = None
        sources = [{"field": "price_usd", "url": NOT_SOLD_SOURCE[0],
                    "title": f"estimate: not sold; {rate:g} TFLOP/s x (${H100_EQUIVALENT[0]:,} to "
                             f"${H100_EQUIVALENT[1]:,}) per H100's {H100_BF16_TFLOPS:g} "
                             f"({NOT_SOLD_SOURCE[1]})",
                    "retrieved": REFERENCE_RETRIEVED, "basis": "estimate"}]
        basis = "estimate"
    # A price that is only the middle of its range (the reference enters one "so that tools that
    # need one number have one") is left out: the range is the fact, and the cost code takes its
    # middle itself and says so.
    if price is not None and low is not None and high is not None and low < high and \
            abs(price - (low + high) / 2) < 0.5:
        price = None
    if low is not None and high is not None and low == high:
        low = high = None  # one figure: the price itself
    return price, low, high, basis, sources


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
    domain, topology, per_direction, scale_note = SCALE_UP[cid] if cid in SCALE_UP else scale_up_from(row)
    scale_out = number(row["scaleout_gbps_per_chip"])
    price, price_low, price_high, price_basis, price_sources = price_of(row)
    tdp_low, tdp_high = number(row["tdp_w_low"]), number(row["tdp_w_high"])
    if tdp_low is not None and tdp_low == tdp_high:
        tdp_low = tdp_high = None  # one figure: the TDP itself
    kind_of_row = row["source_kind"] if row["source_kind"] in BASES else None
    tdp_basis = TDP_BASIS.get(cid, kind_of_row)

    chip = {
        "id": cid,
        "vendor": row["vendor"],
        "family": row["family"],
        "name": row["name"],
        "kind": KINDS[row["kind"]],
        "class": row["class"],
        "roles": row["roles"].split(";"),
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
        "tdp_watts_range": [tdp_low, tdp_high] if tdp_low is not None else None,
        "price_usd": price,
        "price_usd_range": [price_low, price_high] if price_low is not None else None,
        "software": row["software_stack"],
        "efficiency_family": row["efficiency_family"],
        "notes": join_notes(
            f"Reference confidence: {row['confidence']}",
            row["compute_note"],
            f"On-chip memory: {row['sram_note']}" if row["sram_note"] else "",
            f"Scale-up: {scale_note}",
            f"Price: {row['price_note']}" if row["price_note"] else "",
            row["notes"]),
        "sources": [dict(s, basis=kind_of_row) for s in parse_sources(row["source"], REFERENCE_RETRIEVED)],
    }
    for field, url, title in AUDIT_SOURCES.get(cid, []):
        chip["sources"].append({"field": field, "url": url, "title": title,
                                "retrieved": REFERENCE_RETRIEVED, "basis": kind_of_row})
    chip["sources"] += value_sources("tdp_watts", row["tdp_source"], tdp_basis, REFERENCE_RETRIEVED)
    chip["sources"] += price_sources
    if not price_sources and (price is not None or price_low is not None):
        raise SystemExit(f"{cid}: a price without a source")
    chip["sources"] = unique_sources(chip["sources"])
    return chip


def unique_sources(sources):
    """The reference names some pages twice (a row's source and an audit's): one entry per page and
    value, with the more telling title."""
    kept = {}
    for s in sources:
        key = (s["field"], s["url"]) if s["url"] else (s["field"], s["title"])
        if key not in kept or len(s["title"]) > len(kept[key]["title"]):
            kept[key] = s
    return list(kept.values())


def h800_from(h100):
    """The H800 is not a row of chips.csv; the reference README and hardware-notes.md describe it."""
    chip = json.loads(json.dumps(h100))
    chip.update({
        "id": "nvidia-h800-sxm5-80gb",
        "name": "H800 SXM5 80GB",
        "efficiency_family": "nvidia-h800",
        "year": 2023,
        "price_usd": None,
        "price_usd_range": list(PRICE_ESTIMATES["nvidia-h800-sxm5-80gb"][:2]),
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
             "retrieved": REFERENCE_RETRIEVED, "basis": "secondary"},
            {"field": "peak_flops.fp64",
             "url": "https://www.philisun.com/technical-analysis/nvidia-h800-vs-h100-a-technical-deep-dive-into-politically-defined-ai-chips/",
             "title": "NVIDIA H800 vs H100 (quotes the H800 datasheet: ~1 TFLOPS FP64)",
             "retrieved": REFERENCE_RETRIEVED, "basis": "secondary"},
        ] + [dict(s, field="peak_flops") for s in h100["sources"] if s["field"] == "*"][:1]
          + [s for s in h100["sources"] if s["field"] == "tdp_watts"]
          + [{"field": "price_usd", "url": "", "retrieved": REFERENCE_RETRIEVED, "basis": "estimate",
              "title": "estimate: " + PRICE_ESTIMATES["nvidia-h800-sxm5-80gb"][2]}],
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
    # Added with the 2026.12 offerings table.
    "Vast.ai": "vast-ai", "Cudo Compute": "cudo", "Seeweb": "seeweb", "Fluidstack": "fluidstack",
    "IBM Cloud": "ibm", "Paperspace": "paperspace", "Civo": "civo", "Gcore": "gcore",
    "Jarvislabs": "jarvislabs", "Verda (DataCrunch)": "verda", "Cirrascale": "cirrascale",
    "Latitude.sh": "latitude-sh", "Together AI": "together-ai",
    "China Telecom Jiangsu (Tianyi Cloud)": "china-telecom-jiangsu",
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
    ("MyRemoteMac", "Mac mini M4 dedicated cloud server (monthly plan), its GPU"): "mac-mini-m4-monthly-gpu",
    ("OCI", "BM.GPU.GB200.4 (GB200 NVL72 slice)"): "BM.GPU.GB200.4",
    # Added with the 2026.12 offerings table, in the same style: the model, the seller's tier
    # where it has several, and the chips per instance.
    ("RunPod", "H100 SXM Secure Cloud (1-GPU pod)"): "h100-sxm-secure-1x",
    ("RunPod", "H100 SXM Community Cloud (1-GPU pod)"): "h100-sxm-community-1x",
    ("RunPod", "H100 PCIe Secure Cloud (1-GPU pod)"): "h100-pcie-secure-1x",
    ("RunPod", "H100 PCIe Community Cloud (1-GPU pod)"): "h100-pcie-community-1x",
    ("RunPod", "H100 NVL Secure Cloud (1-GPU pod)"): "h100-nvl-secure-1x",
    ("RunPod", "H100 NVL Community Cloud (1-GPU pod)"): "h100-nvl-community-1x",
    ("RunPod", "H200 Community Cloud (1-GPU pod)"): "h200-community-1x",
    ("RunPod", "B200 Community Cloud (1-GPU pod)"): "b200-community-1x",
    ("RunPod", "A100 SXM Secure Cloud (1-GPU pod)"): "a100-sxm-secure-1x",
    ("RunPod", "A100 SXM Community Cloud (1-GPU pod)"): "a100-sxm-community-1x",
    ("RunPod", "L40S Secure Cloud (1-GPU pod)"): "l40s-secure-1x",
    ("RunPod", "L40S Community Cloud (1-GPU pod)"): "l40s-community-1x",
    ("RunPod", "B300 Secure Cloud (1-GPU pod)"): "b300-secure-1x",
    ("Hyperstack (NexGen Cloud)", "NVIDIA H100 SXM (per-GPU rate)"): "h100-sxm-1x",
    ("Hyperstack (NexGen Cloud)", "NVIDIA H100 PCIe NVLink (per-GPU rate)"): "h100-pcie-nvlink-1x",
    ("Hyperstack (NexGen Cloud)", "NVIDIA H100 PCIe (per-GPU rate)"): "h100-pcie-1x",
    ("Hyperstack (NexGen Cloud)", "NVIDIA A100 SXM (per-GPU rate)"): "a100-sxm-1x",
    ("Hyperstack (NexGen Cloud)", "NVIDIA B300 (per-GPU rate)"): "b300-1x",
    ("Nebius", "gpu-h100-sxm 1gpu (HGX H100, 1 GPU)"): "gpu-h100-sxm-1gpu",
    ("Nebius", "gpu-h200-sxm 1gpu (HGX H200, 1 GPU)"): "gpu-h200-sxm-1gpu",
    ("Nebius", "gpu-b200-sxm 1gpu (HGX B200, 1 GPU)"): "gpu-b200-sxm-1gpu",
    ("Nebius", "gpu-l40s 1gpu (L40S, Intel host)"): "gpu-l40s-1gpu",
    ("Crusoe", "NVIDIA H100 80GB HGX (per-GPU rate)"): "h100-1x",
    ("Crusoe", "NVIDIA A100 80GB SXM (per-GPU rate)"): "a100-1x",
    ("Crusoe", "NVIDIA L40S 48GB (per-GPU rate)"): "l40s-1x",
    ("Vast.ai", "H100 SXM (marketplace median, 1 GPU)"): "h100-sxm-1x",
    ("Akash Network", "H100 80GB SXM5 (marketplace, starting price)"): "h100-1x",
    ("Akash Network", "A100 80GB SXM4 (marketplace, starting price)"): "a100-1x",
    ("Fluidstack", "H100_NVLINK_80GB::8"): "h100-nvlink-80gb-8x",
    ("DigitalOcean", "HGX H100 Droplet (1 GPU)"): "hgx-h100-1x",
    ("DigitalOcean", "HGX H200 Droplet (1 GPU)"): "hgx-h200-1x",
    ("DigitalOcean", "HGX B300 Droplet (8 GPUs)"): "hgx-b300-8x",
    ("Paperspace", "HGX H100 (1 GPU)"): "hgx-h100-1x",
    ("Civo", "H100 SXM"): "h100-sxm-1x",
    ("Civo", "H200 SXM"): "h200-sxm-1x",
    ("Civo", "B200 8x"): "b200-8x",
    ("Civo", "B300 8x"): "b300-8x",
    ("Gcore", "8x H100 SXM bare metal"): "h100-sxm-8x",
    ("Gcore", "8x H200 SXM bare metal"): "h200-sxm-8x",
    ("Gcore", "8x B300 SXM bare metal"): "b300-sxm-8x",
    ("Jarvislabs", "H100 SXM (1 GPU)"): "h100-sxm-1x",
    ("Jarvislabs", "H200 SXM (1 GPU)"): "h200-sxm-1x",
    ("Verda (DataCrunch)", "A100 SXM4 80GB (1 GPU)"): "a100-sxm4-80gb-1x",
    ("Verda (DataCrunch)", "H100 SXM5 (1 GPU)"): "h100-sxm5-1x",
    ("Verda (DataCrunch)", "H200 SXM5 (1 GPU)"): "h200-sxm5-1x",
    ("Verda (DataCrunch)", "B200 SXM6 (1 GPU)"): "b200-sxm6-1x",
    ("Verda (DataCrunch)", "B300 SXM6 (1 GPU)"): "b300-sxm6-1x",
    ("Cirrascale", "8x A100 80GB"): "a100-80gb-8x",
    ("Cirrascale", "8x H100 standalone"): "h100-8x",
    ("Cirrascale", "8x H200"): "h200-8x",
    ("Cirrascale", "8x B200 standalone"): "b200-8x",
    ("Together AI", "HGX H100 cluster (on-demand)"): "hgx-h100-8x",
    ("Together AI", "HGX H200 cluster (on-demand)"): "hgx-h200-8x",
    ("Together AI", "HGX B200 cluster (on-demand)"): "hgx-b200-8x",
    ("Together AI", "HGX B300 cluster (on-demand)"): "hgx-b300-8x",
    ("China Telecom Jiangsu (Tianyi Cloud)", "Atlas 800T A2 @376 TFLOPS (8x Ascend 910B)"): "atlas-800t-a2-376t-8x",
    ("China Telecom Jiangsu (Tianyi Cloud)", "Atlas 800T A2 @313 TFLOPS (8x Ascend 910B)"): "atlas-800t-a2-313t-8x",
    # The same listing again for the family entry huawei-ascend-910b (whose figures are the
    # 313 TFLOPS grade's), so that "Ascend 910B" without a variant can be rented.
    ("China Telecom Jiangsu (Tianyi Cloud)", "Atlas 800T A2 (8x Ascend 910B; the 313 TFLOPS listing)"): "atlas-800t-a2-910b-8x",
    ("China Telecom Jiangsu (Tianyi Cloud)", "8x H20 141G server"): "h20-8x",
    ("China Telecom Jiangsu (Tianyi Cloud)", "8x H200 server"): "h200-8x",
    ("China Telecom Jiangsu (Tianyi Cloud)", "8x H100 server"): "h100-8x",
    ("China Telecom Jiangsu (Tianyi Cloud)", "8x A100 80G server"): "a100-80g-8x",
}

# Region tags that say nothing about where the price holds.
NO_REGION = {"not-stated", "various", "decentralised"}

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
        **published_price(row),
        "cluster_network": row["cluster_network"],
        "scale_out_bandwidth_bytes_per_s": rounded(number(row["scaleout_gbps_per_chip"]) * GIGA / 8)
        if row["scaleout_gbps_per_chip"] else None,
        "max_instances": int(row["max_instances"]) if row["max_instances"] else None,
        "regions": [r for r in (t.strip() for t in row["regions"].split(";"))
                    if r and r not in NO_REGION] or None,
    }


def published_price(row):
    """The price as its seller published it, where that is not in US dollars: the USD columns of
    the reference were converted at usd_rate, which the catalog keeps with its date."""
    currency = row["currency"] or "USD"
    if currency == "USD":
        return {"currency": "USD"}
    return {"currency": currency,
            "published_per_hour": number(row["on_demand_per_instance_hr_published"]),
            "usd_rate": number(row["usd_rate"]), "usd_rate_date": row["usd_rate_date"]}


def drop_empty(value):
    if isinstance(value, dict):
        return {k: drop_empty(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_empty(v) for v in value]
    return value


def main(reference=HERE / "reference", output=HERE.parent.parent / "resources/catalog/seed.json"):
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
    ids = [f"{o['provider']}/{o['instance']}" for o in offerings]
    if len(set(ids)) != len(ids):
        sys.exit(f"offering ids not unique: {sorted(i for i in ids if ids.count(i) > 1)}")
    unpriced = [c["id"] for c in chips if c.get("price_usd") is None and not c.get("price_usd_range")]
    if unpriced:
        sys.exit(f"chips without a price or a price range: {unpriced}")
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
    if len(sys.argv) not in (1, 3):
        sys.exit(__doc__)
    main(*sys.argv[1:])
