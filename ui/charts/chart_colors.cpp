// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chart_colors.h"

#include "charts/drawn_candidates.h"
#include "support/text.h"

#include <array>
#include <set>
#include <string>
#include <utility>

namespace accelplan::ui {

namespace {

struct VendorHue {
    const char *vendor; // the catalog's vendor name starts with this
    QRgb light;         // on light backgrounds: deeper
    QRgb dark;          // on dark backgrounds: brighter
};

// Hues far apart so that vendors stay apart for colour-blind readers too (blue/orange axis
// first, then green, red, purple).
constexpr std::array kVendors{
    VendorHue{"NVIDIA", 0x4e8a00, 0x8fd14f}, VendorHue{"AMD", 0xc62828, 0xff6b6b},
    VendorHue{"Google", 0x1a66d2, 0x6fa8ff}, VendorHue{"Huawei", 0xa0306e, 0xf07ab4},
    VendorHue{"Intel", 0x00838f, 0x4dd0e1},  VendorHue{"AWS", 0xd66a00, 0xffab40},
    VendorHue{"Apple", 0x5f6368, 0xbdc1c6},  VendorHue{"Groq", 0x6a3fc8, 0xb69cff},
};
constexpr VendorHue kOther{"", 0x795548, 0xc8a08c};

} // namespace

bool isDark(const QPalette &palette) { return palette.color(QPalette::Base).lightness() < 128; }

QColor vendorColor(const QString &vendor, bool dark) {
    for (const VendorHue &v : kVendors)
        if (vendor.startsWith(QLatin1String(v.vendor), Qt::CaseInsensitive))
            return QColor::fromRgb(dark ? v.dark : v.light);
    return QColor::fromRgb(dark ? kOther.dark : kOther.light);
}

namespace {

// How many other chips of the candidate's vendor the charts draw before the chip first
// appears; one chip at several counts keeps its colour and marker.
int sameVendorChipsBefore(const Analysis &analysis, std::size_t index) {
    const Chip *chip = analysis.chipOf(index);
    if (!chip)
        return 0;
    const QString vendor = shortVendor(*chip);
    const DrawnCandidates drawn(analysis);
    std::set<std::string> before;
    for (std::size_t i = 0; i < index; ++i) {
        const Chip *other = analysis.chipOf(i);
        if (!drawn.contains(i) || !other || shortVendor(*other) != vendor)
            continue;
        if (other->id == chip->id)
            break; // the chip's first appearance
        before.insert(other->id);
    }
    return static_cast<int>(before.size());
}

} // namespace

QColor candidateColor(const Analysis &analysis, std::size_t index, bool dark) {
    const Chip *chip = analysis.chipOf(index);
    const QColor base = vendorColor(chip ? shortVendor(*chip) : QString(), dark);
    const int n = sameVendorChipsBefore(analysis, index);
    if (n == 0)
        return base;
    // Alternate darker and lighter shades in two steps from the base, then again: further steps
    // would be too close to black or white to tell the vendor.
    const int step = 1 + ((n - 1) / 2) % 2;
    const int factor = 100 + 28 * step;
    return (n % 2 == 1) == dark ? base.darker(factor) : base.lighter(factor);
}

QCPScatterStyle::ScatterShape candidateShape(const Analysis &analysis, std::size_t index) {
    static constexpr std::array kShapes{QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare,
                                        QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond,
                                        QCPScatterStyle::ssTriangleInverted};
    return kShapes[static_cast<std::size_t>(sameVendorChipsBefore(analysis, index)) %
                   kShapes.size()];
}

QColor memoryPartColor(MemoryPart part, bool dark) {
    static constexpr std::array<std::pair<QRgb, QRgb>, 6> kParts{{
        {0x3b6fb6, 0x7aa7e8}, // weights
        {0x8a63b8, 0xb99be0}, // gradients
        {0xd08a1f, 0xf2b457}, // optimizer
        {0x3e9b6f, 0x74cfa2}, // activations
        {0xc0504d, 0xef8a87}, // KV cache
        {0x8c8c8c, 0xb4b4b4}, // other
    }};
    const auto &[light, darkColor] = kParts[static_cast<std::size_t>(part)];
    return QColor::fromRgb(dark ? darkColor : light);
}

} // namespace accelplan::ui
