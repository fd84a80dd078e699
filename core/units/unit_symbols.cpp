// SPDX-License-Identifier: GPL-3.0-or-later
#include "units/unit_symbols.h"

#include "units/quantities.h"

#include <array>

namespace accelplan::units::detail {
namespace {

constexpr double kMinute = 60.0;
constexpr double kHour = kSecondsPerHour;
constexpr double kDay = 24 * kHour;
constexpr double kWeek = 7 * kDay;
constexpr double kYear = 365.25 * kDay;
constexpr double kMonth = kYear / 12;
constexpr double kBit = 1.0 / kBitsPerByte;

constexpr std::array kCompute{
    UnitSymbol{"FLOP", 1, PrefixSet::Si},
    UnitSymbol{"FLOPs", 1, PrefixSet::Si},
    UnitSymbol{"flop", 1, PrefixSet::Si},
    UnitSymbol{"OP", 1, PrefixSet::Si},
};
constexpr std::array kComputeRate{
    UnitSymbol{"FLOP/s", 1, PrefixSet::Si},  UnitSymbol{"FLOPS", 1, PrefixSet::Si},
    UnitSymbol{"flop/s", 1, PrefixSet::Si},  UnitSymbol{"flops", 1, PrefixSet::Si},
    UnitSymbol{"FLOPs/s", 1, PrefixSet::Si}, UnitSymbol{"OP/s", 1, PrefixSet::Si},
    UnitSymbol{"OPS", 1, PrefixSet::Si},     UnitSymbol{"ops", 1, PrefixSet::Si},
};
constexpr std::array kInformation{
    UnitSymbol{"B", 1, PrefixSet::SiAndIec},       UnitSymbol{"byte", 1, PrefixSet::SiAndIec},
    UnitSymbol{"bytes", 1, PrefixSet::SiAndIec},   UnitSymbol{"bit", kBit, PrefixSet::SiAndIec},
    UnitSymbol{"bits", kBit, PrefixSet::SiAndIec}, UnitSymbol{"b", kBit, PrefixSet::Si},
};
constexpr std::array kBandwidth{
    UnitSymbol{"B/s", 1, PrefixSet::SiAndIec}, UnitSymbol{"byte/s", 1, PrefixSet::SiAndIec},
    UnitSymbol{"Bps", 1, PrefixSet::Si},       UnitSymbol{"bit/s", kBit, PrefixSet::SiAndIec},
    UnitSymbol{"b/s", kBit, PrefixSet::Si},    UnitSymbol{"bps", kBit, PrefixSet::Si},
};
constexpr std::array kTime{
    UnitSymbol{"s", 1, PrefixSet::None},
    UnitSymbol{"sec", 1, PrefixSet::None},
    UnitSymbol{"ms", 1e-3, PrefixSet::None},
    UnitSymbol{"us", 1e-6, PrefixSet::None},
    UnitSymbol{"\xC2\xB5s", 1e-6, PrefixSet::None}, // µs
    UnitSymbol{"ns", 1e-9, PrefixSet::None},
    UnitSymbol{"min", kMinute, PrefixSet::None},
    UnitSymbol{"h", kHour, PrefixSet::None},
    UnitSymbol{"hr", kHour, PrefixSet::None},
    UnitSymbol{"hour", kHour, PrefixSet::None},
    UnitSymbol{"hours", kHour, PrefixSet::None},
    UnitSymbol{"d", kDay, PrefixSet::None},
    UnitSymbol{"day", kDay, PrefixSet::None},
    UnitSymbol{"days", kDay, PrefixSet::None},
    UnitSymbol{"week", kWeek, PrefixSet::None},
    UnitSymbol{"weeks", kWeek, PrefixSet::None},
    UnitSymbol{"month", kMonth, PrefixSet::None},
    UnitSymbol{"months", kMonth, PrefixSet::None},
    UnitSymbol{"y", kYear, PrefixSet::None},
    UnitSymbol{"year", kYear, PrefixSet::None},
    UnitSymbol{"years", kYear, PrefixSet::None},
};
constexpr std::array kPower{UnitSymbol{"W", 1, PrefixSet::Si}};
constexpr std::array kEnergy{
    UnitSymbol{"Wh", kHour, PrefixSet::Si},
    UnitSymbol{"J", 1, PrefixSet::Si},
};
// Per-time suffixes of a price: "$2.49/h".
constexpr std::array kMoneyRate{
    UnitSymbol{"/h", 1.0 / kHour, PrefixSet::None},
    UnitSymbol{"/hr", 1.0 / kHour, PrefixSet::None},
    UnitSymbol{"/hour", 1.0 / kHour, PrefixSet::None},
    UnitSymbol{"/s", 1.0, PrefixSet::None},
    UnitSymbol{"/month", 1.0 / kMonth, PrefixSet::None},
    UnitSymbol{"/mo", 1.0 / kMonth, PrefixSet::None},
};
constexpr std::array kEnergyPrice{
    UnitSymbol{"/kWh", 1.0 / kJoulesPerKilowattHour, PrefixSet::None},
    UnitSymbol{"/MWh", 1.0 / (1e3 * kJoulesPerKilowattHour), PrefixSet::None},
    UnitSymbol{"/J", 1.0, PrefixSet::None},
};
constexpr std::array kMoney{UnitSymbol{"", 1, PrefixSet::None}};
constexpr std::array kIntensity{
    UnitSymbol{"FLOP/B", 1, PrefixSet::None},
    UnitSymbol{"FLOP/byte", 1, PrefixSet::None},
    UnitSymbol{"FLOPs/B", 1, PrefixSet::None},
    UnitSymbol{"flop/B", 1, PrefixSet::None},
};
constexpr std::array kCarbon{
    UnitSymbol{"kg/kWh", 1.0 / kJoulesPerKilowattHour, PrefixSet::None},
    UnitSymbol{"kgCO2/kWh", 1.0 / kJoulesPerKilowattHour, PrefixSet::None},
    UnitSymbol{"g/kWh", 1e-3 / kJoulesPerKilowattHour, PrefixSet::None},
    UnitSymbol{"gCO2/kWh", 1e-3 / kJoulesPerKilowattHour, PrefixSet::None},
};

struct Prefix {
    std::string_view text;
    double factor;
    bool iec;
};
constexpr std::array kPrefixes{
    Prefix{"n", 1e-9, false},
    Prefix{"u", 1e-6, false},
    Prefix{"\xC2\xB5", 1e-6, false},
    Prefix{"m", 1e-3, false},
    Prefix{"k", 1e3, false},
    Prefix{"K", 1e3, false},
    Prefix{"M", 1e6, false},
    Prefix{"G", 1e9, false},
    Prefix{"T", 1e12, false},
    Prefix{"P", 1e15, false},
    Prefix{"E", 1e18, false},
    Prefix{"Z", 1e21, false},
    Prefix{"Y", 1e24, false},
    Prefix{"Ki", 1024.0, true},
    Prefix{"Mi", 1048576.0, true},
    Prefix{"Gi", 1073741824.0, true},
    Prefix{"Ti", 1099511627776.0, true},
    Prefix{"Pi", 1125899906842624.0, true},
    Prefix{"Ei", 1152921504606846976.0, true},
};

} // namespace

std::span<const UnitSymbol> symbolsFor(Measure m) {
    switch (m) {
    case Measure::Compute: return kCompute;
    case Measure::ComputeRate: return kComputeRate;
    case Measure::Information: return kInformation;
    case Measure::Bandwidth: return kBandwidth;
    case Measure::Time: return kTime;
    case Measure::Power: return kPower;
    case Measure::Energy: return kEnergy;
    case Measure::Money: return kMoney;
    case Measure::MoneyRate: return kMoneyRate;
    case Measure::Intensity: return kIntensity;
    case Measure::EnergyPrice: return kEnergyPrice;
    case Measure::CarbonIntensity: return kCarbon;
    }
    return {};
}

double prefixFactor(std::string_view prefix, PrefixSet set) {
    if (set == PrefixSet::None)
        return 0;
    for (const Prefix &p : kPrefixes) {
        if (p.text == prefix && (!p.iec || set == PrefixSet::SiAndIec))
            return p.factor;
    }
    return 0;
}

} // namespace accelplan::units::detail
