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

// The Okabe-Ito colours (designed to stay apart for colour-blind readers), each given to the
// vendor whose own colour it is nearest: in the simulated protanopia and deuteranopia of
// Machado et al. (2009) every two vendors stay at least 15 CIELAB units apart (test:
// ui_chart_view vendorsStayApartForColourBlindReaders).
constexpr std::array kVendors{
    VendorHue{"NVIDIA", 0x009e73, 0x2ed3a0}, VendorHue{"AMD", 0xd55e00, 0xff7a33},
    VendorHue{"Google", 0x0072b2, 0x3d8be0}, VendorHue{"Huawei", 0xcc79a7, 0xe59bc2},
    VendorHue{"Intel", 0x56b4e9, 0x9ad8f8},  VendorHue{"AWS", 0xe69f00, 0xffc23d},
    VendorHue{"Apple", 0x6b7075, 0x80868b},  VendorHue{"Groq", 0x333333, 0xf5f5f5},
};
constexpr VendorHue kOther{"", 0x6d4c41, 0xb08060};

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
