// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The physical and economic quantities AccelPlan reasons with, typed with Boost.Units so that
// a formula mixing them up (bytes divided by FLOP/s, say) does not compile.
//
// One unit system: SI length, mass and time, plus three base dimensions of our own: compute
// work (FLOP), information (byte) and money (US dollar). Every quantity stores its value in
// these base units (seconds, bytes, FLOP, dollars, joules, ...), so `.value()` is always the
// base-unit number the contract's JSON uses.

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/information.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si/base.hpp>
#include <boost/units/unit.hpp>

namespace accelplan::units {

namespace bu = boost::units;

// --- Base dimensions and base units of our own -------------------------------------------------
struct compute_base_dimension : bu::base_dimension<compute_base_dimension, 31001> {};
struct currency_base_dimension : bu::base_dimension<currency_base_dimension, 31002> {};
using compute_dimension = compute_base_dimension::dimension_type;
using currency_dimension = currency_base_dimension::dimension_type;

struct flop_base_unit : bu::base_unit<flop_base_unit, compute_dimension, 31101> {
    static constexpr const char *name() { return "floating-point operation"; }
    static constexpr const char *symbol() { return "FLOP"; }
};
struct byte_base_unit : bu::base_unit<byte_base_unit, bu::information_dimension, 31102> {
    static constexpr const char *name() { return "byte"; }
    static constexpr const char *symbol() { return "B"; }
};
struct usd_base_unit : bu::base_unit<usd_base_unit, currency_dimension, 31103> {
    static constexpr const char *name() { return "US dollar"; }
    static constexpr const char *symbol() { return "$"; }
};

using system =
    bu::make_system<bu::si::meter_base_unit, bu::si::kilogram_base_unit, bu::si::second_base_unit,
                    flop_base_unit, byte_base_unit, usd_base_unit>::type;

// --- Units ------------------------------------------------------------------------------------
using time_dim = bu::time_dimension;
using length_dim = bu::length_dimension;
using mass_dim = bu::mass_dimension;
using energy_dim = bu::derived_dimension<bu::length_base_dimension, 2, bu::mass_base_dimension, 1,
                                         bu::time_base_dimension, -2>::type;
using power_dim = bu::derived_dimension<bu::length_base_dimension, 2, bu::mass_base_dimension, 1,
                                        bu::time_base_dimension, -3>::type;

using second_unit = bu::unit<time_dim, system>;
using kilogram_unit = bu::unit<mass_dim, system>;
using flop_unit = bu::unit<compute_dimension, system>;
using byte_unit = bu::unit<bu::information_dimension, system>;
using usd_unit = bu::unit<currency_dimension, system>;
using joule_unit = bu::unit<energy_dim, system>;
using watt_unit = bu::unit<power_dim, system>;

using flop_per_second_unit = decltype(flop_unit() / second_unit());
using byte_per_second_unit = decltype(byte_unit() / second_unit());
using usd_per_second_unit = decltype(usd_unit() / second_unit());
using flop_per_byte_unit = decltype(flop_unit() / byte_unit());
using usd_per_joule_unit = decltype(usd_unit() / joule_unit());
using kilogram_per_joule_unit = decltype(kilogram_unit() / joule_unit());

inline constexpr second_unit second{};
inline constexpr kilogram_unit kilogram{};
inline constexpr flop_unit flop{};
inline constexpr byte_unit byte{};
inline constexpr usd_unit usd{};
inline constexpr joule_unit joule{};
inline constexpr watt_unit watt{};

// --- Quantities (all stored in base units) ---------------------------------------------------
using Seconds = bu::quantity<second_unit>;
using Kilograms = bu::quantity<kilogram_unit>;
using Flops = bu::quantity<flop_unit>;                           // amount of compute work
using FlopsPerSecond = bu::quantity<flop_per_second_unit>;       // compute rate
using Bytes = bu::quantity<byte_unit>;                           // amount of information
using BytesPerSecond = bu::quantity<byte_per_second_unit>;       // bandwidth
using Dollars = bu::quantity<usd_unit>;                          // money
using DollarsPerSecond = bu::quantity<usd_per_second_unit>;      // a price per unit of time
using Joules = bu::quantity<joule_unit>;                         // energy
using Watts = bu::quantity<watt_unit>;                           // power
using FlopsPerByte = bu::quantity<flop_per_byte_unit>;           // arithmetic intensity
using DollarsPerJoule = bu::quantity<usd_per_joule_unit>;        // an electricity price
using KilogramsPerJoule = bu::quantity<kilogram_per_joule_unit>; // grid carbon intensity

// --- Conversions people use ------------------------------------------------------------------
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kJoulesPerKilowattHour = 3.6e6;
inline constexpr double kBitsPerByte = 8.0;

// Named constructors, so that call sites read like the units people write.
constexpr Seconds seconds(double v) { return Seconds::from_value(v); }
constexpr Seconds hours(double v) { return Seconds::from_value(v * kSecondsPerHour); }
constexpr Flops flops(double v) { return Flops::from_value(v); }
constexpr FlopsPerSecond flopsPerSecond(double v) { return FlopsPerSecond::from_value(v); }
constexpr Bytes bytes(double v) { return Bytes::from_value(v); }
constexpr BytesPerSecond bytesPerSecond(double v) { return BytesPerSecond::from_value(v); }
constexpr BytesPerSecond bitsPerSecond(double v) {
    return BytesPerSecond::from_value(v / kBitsPerByte);
}
constexpr Dollars dollars(double v) { return Dollars::from_value(v); }
constexpr DollarsPerSecond dollarsPerHour(double v) {
    return DollarsPerSecond::from_value(v / kSecondsPerHour);
}
constexpr Watts watts(double v) { return Watts::from_value(v); }
constexpr Joules joules(double v) { return Joules::from_value(v); }
constexpr Joules kilowattHours(double v) { return Joules::from_value(v * kJoulesPerKilowattHour); }
constexpr Kilograms kilograms(double v) { return Kilograms::from_value(v); }
constexpr DollarsPerJoule dollarsPerKilowattHour(double v) {
    return DollarsPerJoule::from_value(v / kJoulesPerKilowattHour);
}
constexpr KilogramsPerJoule kilogramsPerKilowattHour(double v) {
    return KilogramsPerJoule::from_value(v / kJoulesPerKilowattHour);
}

// Back to the numbers people use.
constexpr double inHours(Seconds t) { return t.value() / kSecondsPerHour; }
constexpr double inKilowattHours(Joules e) { return e.value() / kJoulesPerKilowattHour; }
constexpr double inDollarsPerHour(DollarsPerSecond p) { return p.value() * kSecondsPerHour; }
constexpr double inDollarsPerKilowattHour(DollarsPerJoule p) {
    return p.value() * kJoulesPerKilowattHour;
}
constexpr double inKilogramsPerKilowattHour(KilogramsPerJoule k) {
    return k.value() * kJoulesPerKilowattHour;
}

} // namespace accelplan::units
