// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/validation.h"

#include "units/format.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace accelplan {
namespace {

// The catalog keeps prices in US dollars: its messages say them so, whatever the app shows.
template <class Q> std::string inUsd(Q quantity) {
    units::FormatOptions options;
    options.currency = units::Currency{};
    return units::format(quantity, options);
}

// 'text', built by appending: GCC 12 at -O3 warns (-Wrestrict, a known false positive) on
// "literal" + std::string + "literal".
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    return out.append(1, '\'').append(text).append(1, '\'');
}

// Plausible ranges per chip, in base units. Wide enough for a phone NPU and a GB200, narrow
// enough to catch a value typed in the wrong unit (a factor of 1,000 or more).
struct Range {
    double low;
    double high;
};
constexpr Range kPeakRate{1e8, 1e17};          // 0.1 GFLOP/s .. 100 PFLOP/s
constexpr Range kMemory{1e6, 3e13};            // 1 MB .. 30 TB (a CPU socket's maximum)
constexpr Range kMemoryBandwidth{1e9, 2e14};   // 1 GB/s .. 200 TB/s (on-chip SRAM machines)
constexpr Range kOnChipSram{1e3, 2e10};        // 1 kB .. 20 GB
constexpr Range kScaleUpBandwidth{1e8, 1e13};  // per direction: 0.1 GB/s .. 10 TB/s
constexpr Range kScaleOutBandwidth{1e8, 1e12}; // 0.8 Gb/s .. 8 Tb/s
constexpr Range kTdp{0.5, 5000};               // W
constexpr Range kPrice{1, 1e7};                // US dollars per chip
constexpr Range kLaunchYear{1990, 2040};
constexpr int kMaxDomainSize = 1'000'000;
constexpr int kMaxChipsPerInstance = 100'000;
constexpr Range kChipHourPrice{0.01, 1000}; // US dollars per chip-hour

// First chips that computed these formats natively (H100 and Gaudi 2 in 2022, B200 in 2024):
// an earlier chip with such a rate carries an emulated or mistyped figure.
constexpr int kFirstFp8Year = 2022;
constexpr int kFirstFp4Year = 2024;

class Collector {
public:
    Collector(ValidationProblem::Record record, std::size_t index, std::string subject)
        : record_(record), index_(index), subject_(std::move(subject)) {}

    void add(std::string field, std::string message) {
        problems_.push_back({record_, index_, subject_, std::move(field), std::move(message)});
    }

    template <class Q>
    void checkRange(const std::string &field, const std::optional<Q> &value, Range range) {
        if (!value)
            return;
        const double v = value->value();
        if (!(v > 0)) {
            add(field, "must be positive, is " + units::formatNumber(v, 6));
            return;
        }
        if (v < range.low || v > range.high) {
            add(field, inUsd(*value) + " is outside the plausible range " +
                           inUsd(Q::from_value(range.low)) + " to " +
                           inUsd(Q::from_value(range.high)) + " (a unit typo?)");
        }
    }

    // Both ends or neither, low <= high, each plausible, and the single value (when there is
    // one) inside.
    template <class Q>
    void checkBounds(const std::string &field, const Bounds<Q> &bounds,
                     const std::optional<Q> &value, const std::string &valueField, Range range) {
        checkRange(field + ".low", bounds.low, range);
        checkRange(field + ".high", bounds.high, range);
        if (bounds.low.has_value() != bounds.high.has_value()) {
            add(field, "needs both ends, [low, high]");
            return;
        }
        if (!bounds.low)
            return;
        if (bounds.low->value() > bounds.high->value()) {
            add(field, "low " + inUsd(*bounds.low) + " is above high " + inUsd(*bounds.high));
            return;
        }
        if (value &&
            (value->value() < bounds.low->value() || value->value() > bounds.high->value()))
            add(valueField, inUsd(*value) + " is outside its range " + inUsd(*bounds.low) + " to " +
                                inUsd(*bounds.high));
    }

    std::vector<ValidationProblem> take() { return std::move(problems_); }

private:
    ValidationProblem::Record record_;
    std::size_t index_;
    std::string subject_;
    std::vector<ValidationProblem> problems_;
};

std::string peakField(Precision p) { return "peak_flops." + std::string(toString(p)); }

// A narrower format runs at least as fast as a wider one where both are native.
void checkNotSlower(Collector &c, const Chip &chip, Precision narrow, Precision wide) {
    const auto n = chip.peakAt(narrow);
    const auto w = chip.peakAt(wide);
    if (n && w && n->value() < w->value()) {
        c.add(peakField(narrow), std::string(toString(narrow)) + " rate " + inUsd(*n) +
                                     " is below the " + std::string(toString(wide)) + " rate " +
                                     inUsd(*w) + ": is it native on this chip?");
    }
}

void checkFormatYear(Collector &c, const Chip &chip, Precision p, int firstYear) {
    if (chip.peakAt(p) && chip.launchYear && *chip.launchYear < firstYear) {
        c.add(peakField(p), std::string(toString(p)) + " rate on a chip launched in " +
                                std::to_string(*chip.launchYear) + ": no chip computed " +
                                std::string(toString(p)) + " natively before " +
                                std::to_string(firstYear) + " (an emulated or sparse figure?)");
    }
}

// The catalog's columns have widths (schema.cpp), which a server enforces: a value that fits a
// file must fit a team catalog too.
void checkLength(Collector &c, const std::string &field, std::string_view value, std::size_t most) {
    if (value.size() > most)
        c.add(field, "is " + std::to_string(value.size()) + " characters long; at most " +
                         std::to_string(most) + " are kept");
}

void checkSources(Collector &c, const Chip &chip) {
    if (chip.sources.empty() && chip.provenance == Provenance::shipped)
        c.add("sources", "a shipped chip needs at least one source");
    for (std::size_t i = 0; i < chip.sources.size(); ++i) {
        const Source &s = chip.sources[i];
        const std::string where = "sources[" + std::to_string(i) + "]";
        if (s.url.empty() && s.title.empty())
            c.add(where, "a source needs a url or a title");
        if (s.field.empty())
            c.add(where + ".field", "must name the value the source backs (\"*\" for the chip)");
        checkLength(c, where + ".field", s.field, 64);
        if (!s.retrieved.empty() && !isValidIsoDate(s.retrieved))
            c.add(where + ".retrieved", quoted(s.retrieved) + " is not an ISO date (YYYY-MM-DD)");
    }
}

// ISO 4217: three capital letters.
bool isCurrencyCode(std::string_view code) {
    return code.size() == 3 &&
           std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

void checkPublishedPrice(Collector &c, const Offering &o) {
    if (!isCurrencyCode(o.currency))
        c.add("currency", quoted(o.currency) + " is not an ISO 4217 code such as 'USD' or 'CNY'");
    if (o.publishedPerHour && !(*o.publishedPerHour > 0))
        c.add("published_per_hour",
              "must be positive, is " + units::formatNumber(*o.publishedPerHour, 6));
    if (o.usdRate && !(*o.usdRate > 0))
        c.add("usd_rate", "must be positive, is " + units::formatNumber(*o.usdRate, 6));
    // The USD prices of a price published in another currency depend on the rate: say which.
    if (o.currency != "USD" && isCurrencyCode(o.currency) && !o.usdRate)
        c.add("usd_rate", "a price published in " + o.currency +
                              " needs the USD rate its US-dollar prices were converted at");
    if (!o.usdRateDate.empty() && !isValidIsoDate(o.usdRateDate))
        c.add("usd_rate_date", quoted(o.usdRateDate) + " is not an ISO date (YYYY-MM-DD)");
}

bool isSlugChar(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
           ch == '+';
}

} // namespace

std::string ValidationProblem::describe() const {
    std::string out = record == Record::chip ? "chip " : "offering ";
    if (subject.empty())
        out.append(1, '#').append(std::to_string(index + 1));
    else
        out += subject;
    if (!field.empty())
        out += ": " + field;
    return out + ": " + message;
}

bool isValidChipId(std::string_view id) {
    if (id.empty() || id.size() > 128 || !isSlugChar(id.front()) || id.front() == '-' ||
        id.front() == '.' || id.front() == '+')
        return false;
    for (char ch : id) {
        if (!isSlugChar(ch))
            return false;
    }
    return true;
}

bool isValidIsoDate(std::string_view date) {
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i) {
            if (date[i] < '0' || date[i] > '9')
                return false;
        }
        return true;
    };
    auto number = [&](std::size_t from) {
        return (date[from] - '0') * 10 + (date[from + 1] - '0');
    };
    if (date.size() != 4 && date.size() != 7 && date.size() != 10)
        return false;
    if (!digits(0, 4))
        return false;
    if (date.size() >= 7 && (date[4] != '-' || !digits(5, 2) || number(5) < 1 || number(5) > 12))
        return false;
    if (date.size() == 10 && (date[7] != '-' || !digits(8, 2) || number(8) < 1 || number(8) > 31))
        return false;
    return true;
}

std::vector<ValidationProblem> validateChip(const Chip &chip, std::size_t index) {
    Collector c(ValidationProblem::Record::chip, index, chip.id);
    if (chip.id.empty())
        c.add("id", "is required");
    else if (!isValidChipId(chip.id))
        c.add("id", quoted(chip.id) +
                        " is not a valid id (lower-case letters, digits, '-', '.', '+'; at most "
                        "128 characters)");
    // An id-like name, or "stack:" and one ("stack:cuda").
    const std::string_view family = chip.efficiencyFamily;
    if (!family.empty() && !isValidChipId(family.starts_with("stack:") ? family.substr(6) : family))
        c.add("efficiency_family", quoted(chip.efficiencyFamily) +
                                       " is not a family name (an id such as nvidia-h100, or "
                                       "stack: and one, such as stack:cuda)");
    checkLength(c, "efficiency_family", chip.efficiencyFamily, 64);
    if (chip.vendor.empty())
        c.add("vendor", "is required");
    if (chip.name.empty())
        c.add("name", "is required");
    if (chip.launchYear &&
        (*chip.launchYear < kLaunchYear.low || *chip.launchYear > kLaunchYear.high))
        c.add("year", std::to_string(*chip.launchYear) + " is not a plausible launch year");

    for (Precision p : kAllPrecisions)
        c.checkRange(peakField(p), chip.peakAt(p), kPeakRate);
    checkNotSlower(c, chip, Precision::bf16, Precision::fp32);
    checkNotSlower(c, chip, Precision::fp16, Precision::fp32);
    checkNotSlower(c, chip, Precision::tf32, Precision::fp32);
    checkNotSlower(c, chip, Precision::fp8, Precision::bf16);
    checkNotSlower(c, chip, Precision::fp8, Precision::fp16);
    checkNotSlower(c, chip, Precision::fp4, Precision::fp8);
    checkNotSlower(c, chip, Precision::int4, Precision::int8);
    checkFormatYear(c, chip, Precision::fp8, kFirstFp8Year);
    checkFormatYear(c, chip, Precision::fp4, kFirstFp4Year);

    c.checkRange("onchip_sram_bytes", chip.onChipSram, kOnChipSram);
    c.checkRange("memory_bytes", chip.memory, kMemory);
    c.checkRange("memory_bandwidth_bytes_per_s", chip.memoryBandwidth, kMemoryBandwidth);
    c.checkRange("scale_up.bandwidth_bytes_per_s", chip.scaleUp.bandwidthPerDirection,
                 kScaleUpBandwidth);
    if (chip.scaleUp.domainSize < 1 || chip.scaleUp.domainSize > kMaxDomainSize)
        c.add("scale_up.domain_size", std::to_string(chip.scaleUp.domainSize) +
                                          " is not a plausible number of chips (1 to " +
                                          std::to_string(kMaxDomainSize) + ")");
    if (chip.scaleUp.domainSize > 1 && chip.scaleUp.topology == Topology::none)
        c.add("scale_up.topology", "a domain of " + std::to_string(chip.scaleUp.domainSize) +
                                       " chips needs a topology other than 'none'");
    c.checkRange("scale_out_bandwidth_bytes_per_s", chip.scaleOutBandwidth, kScaleOutBandwidth);
    c.checkRange("tdp_watts", chip.tdp, kTdp);
    c.checkBounds("tdp_watts_range", chip.tdpRange, chip.tdp, "tdp_watts", kTdp);
    c.checkRange("price_usd", chip.price, kPrice);
    c.checkBounds("price_usd_range", chip.priceRange, chip.price, "price_usd", kPrice);
    checkSources(c, chip);
    return c.take();
}

std::vector<ValidationProblem> validateOffering(const Offering &o, std::size_t index) {
    Collector c(ValidationProblem::Record::offering, index,
                o.provider.empty() && o.instance.empty() ? std::string() : o.id());
    if (o.chipId.empty())
        c.add("chip", "is required");
    if (o.provider.empty())
        c.add("provider", "is required");
    else if (!isValidChipId(o.provider))
        c.add("provider",
              quoted(o.provider) + " is not a valid provider id (lower-case letters, digits, '-')");
    checkLength(c, "provider", o.provider, 64);
    if (o.instance.empty())
        c.add("instance", "is required");
    checkLength(c, "instance", o.instance, 128);
    checkLength(c, "cluster_network", o.clusterNetwork, 32);
    if (o.chipsPerInstance < 1 || o.chipsPerInstance > kMaxChipsPerInstance)
        c.add("chips_per_instance", std::to_string(o.chipsPerInstance) +
                                        " is not a plausible number of chips (1 to " +
                                        std::to_string(kMaxChipsPerInstance) + ")");

    bool priced = false;
    for (std::size_t i = 0; i < kRentalPricings.size(); ++i) {
        const auto &price = o.pricePerInstance[i];
        if (!price)
            continue;
        priced = true;
        const std::string field = "usd_per_hour." + std::string(toString(kRentalPricings[i]));
        const double perHour = units::inDollarsPerHour(*price);
        if (!(perHour > 0)) {
            c.add(field, "must be positive, is " + units::formatNumber(perHour, 6));
            continue;
        }
        const double perChipHour = perHour / std::max(o.chipsPerInstance, 1);
        if (perChipHour < kChipHourPrice.low || perChipHour > kChipHourPrice.high) {
            c.add(field, inUsd(*price) + " per instance is " +
                             inUsd(units::dollarsPerHour(perChipHour)) +
                             " per chip, outside the plausible range " +
                             inUsd(units::dollarsPerHour(kChipHourPrice.low)) + " to " +
                             inUsd(units::dollarsPerHour(kChipHourPrice.high)));
        }
    }
    if (!priced)
        c.add("usd_per_hour", "an offering needs at least one price");

    const auto onDemand = o.price(Pricing::onDemand);
    auto notAbove = [&](Pricing cheaper, const std::optional<units::DollarsPerSecond> &ref,
                        std::string_view refName) {
        const auto p = o.price(cheaper);
        if (p && ref && p->value() > ref->value() && ref->value() > 0) {
            c.add("usd_per_hour." + std::string(toString(cheaper)),
                  inUsd(*p) + " is above the " + std::string(refName) + " price " + inUsd(*ref));
        }
    };
    notAbove(Pricing::spot, onDemand, "on-demand");
    notAbove(Pricing::reserved1y, onDemand, "on-demand");
    notAbove(Pricing::reserved3y, onDemand, "on-demand");
    notAbove(Pricing::reserved3y, o.price(Pricing::reserved1y), "reserved-1y");

    if (!o.asOf.empty() && !isValidIsoDate(o.asOf))
        c.add("as_of", quoted(o.asOf) + " is not an ISO date (YYYY-MM-DD)");
    checkPublishedPrice(c, o);
    c.checkRange("scale_out_bandwidth_bytes_per_s", o.scaleOutBandwidth, kScaleOutBandwidth);
    if (o.maxInstances && *o.maxInstances < 1)
        c.add("max_instances", std::to_string(*o.maxInstances) + " is not a number of instances");
    for (std::size_t i = 0; i < o.regions.size(); ++i) {
        if (o.regions[i].empty() || o.regions[i].find(';') != std::string::npos)
            c.add("regions[" + std::to_string(i) + "]",
                  quoted(o.regions[i]) + " is not a region name (not empty, no ';')");
    }
    if (o.source.empty() && o.provenance == Provenance::shipped)
        c.add("source", "a shipped offering needs a source");
    return c.take();
}

std::vector<ValidationProblem> missingCostFacts(const Catalog &catalog) {
    std::vector<ValidationProblem> out;
    for (std::size_t i = 0; i < catalog.chips.size(); ++i) {
        const Chip &chip = catalog.chips[i];
        if (!chip.tdp && !chip.tdpRange.low)
            out.push_back({ValidationProblem::Record::chip, i, chip.id, "tdp_watts",
                           "no TDP: its energy, CO2 and owned cost cannot be estimated"});
        if (!chip.price && !chip.priceRange.low)
            out.push_back({ValidationProblem::Record::chip, i, chip.id, "price_usd",
                           "no purchase price (price_usd or price_usd_range): owning it cannot "
                           "be costed"});
    }
    return out;
}

std::vector<ValidationProblem> estimatedCostFacts(const Catalog &catalog) {
    std::vector<ValidationProblem> out;
    for (std::size_t i = 0; i < catalog.chips.size(); ++i) {
        const Chip &chip = catalog.chips[i];
        auto note = [&](const char *field, const auto &value, const auto &range) {
            if ((!value && !range.low) || basisOf(chip, field) != Basis::estimate)
                return;
            std::string said = "estimate";
            if (range.low && range.high)
                said += ": " + inUsd(*range.low) + " to " + inUsd(*range.high);
            else
                said += ": " + inUsd(*value);
            out.push_back({ValidationProblem::Record::chip, i, chip.id, field, said});
        };
        note("tdp_watts", chip.tdp, chip.tdpRange);
        note("price_usd", chip.price, chip.priceRange);
    }
    return out;
}

std::vector<ValidationProblem> validateCatalog(const Catalog &catalog) {
    std::vector<ValidationProblem> out;
    std::set<std::string_view> chipIds;
    for (std::size_t i = 0; i < catalog.chips.size(); ++i) {
        const Chip &chip = catalog.chips[i];
        for (ValidationProblem &p : validateChip(chip, i))
            out.push_back(std::move(p));
        if (!chip.id.empty() && !chipIds.insert(chip.id).second)
            out.push_back({ValidationProblem::Record::chip, i, chip.id, "id",
                           quoted(chip.id) + " is used by another chip: ids must be unique"});
    }
    std::set<std::string> offeringIds;
    for (std::size_t i = 0; i < catalog.offerings.size(); ++i) {
        const Offering &o = catalog.offerings[i];
        for (ValidationProblem &p : validateOffering(o, i))
            out.push_back(std::move(p));
        if (!o.provider.empty() && !o.instance.empty() && !offeringIds.insert(o.id()).second)
            out.push_back({ValidationProblem::Record::offering, i, o.id(), "instance",
                           quoted(o.id()) + " is used by another offering: ids must be unique"});
        if (!o.chipId.empty() && !chipIds.contains(o.chipId))
            out.push_back({ValidationProblem::Record::offering, i, o.id(), "chip",
                           quoted(o.chipId) + " is not a chip of the catalog"});
    }
    return out;
}

} // namespace accelplan
