// SPDX-License-Identifier: GPL-3.0-or-later
#include "efficiency/efficiency_data.h"

#include "hardware/software_stack.h"
#include "shipped_efficiency.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>
#include <stdexcept>

namespace accelplan {

namespace {

constexpr std::array<std::string_view, 10> kColumns{
    "table",        "key", "parameter", "value",     "prior",
    "prior_spread", "low", "high",      "fitted_on", "source"};

// One CSV record (RFC 4180: quoted fields, doubled quotes inside them) starting at `pos`;
// moves `pos` past its line end. False on an unterminated quote.
bool readRecord(std::string_view text, std::size_t &pos, std::vector<std::string> &fields) {
    fields.assign(1, std::string());
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c == '"' && pos < text.size() && text[pos] == '"') {
                fields.back() += '"';
                ++pos;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            return true;
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return !quoted;
}

std::string quoted(const std::string &field) {
    if (field.find_first_of(",\"\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (char c : field)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

std::optional<double> number(const std::string &s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// Shortest text that reads back as the same double.
std::string shortest(double v) {
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::string("0");
}

std::string nameOf(std::string_view table, std::string_view key, std::string_view parameter) {
    std::string name;
    name.reserve(table.size() + key.size() + parameter.size() + 2);
    name.append(table).append("/").append(key).append("/").append(parameter);
    return name;
}

thread_local const EfficiencyData *tInstalled = nullptr;

} // namespace

std::optional<EfficiencyData> EfficiencyData::fromCsv(std::string_view text, std::string *error) {
    const auto fail = [&](std::size_t line, const std::string &what) {
        if (error)
            *error = "line " + std::to_string(line) + ": " + what;
        return std::nullopt;
    };
    EfficiencyData data;
    std::size_t pos = 0, line = 0;
    std::vector<std::string> f;
    while (pos < text.size()) {
        ++line;
        if (!readRecord(text, pos, f))
            return fail(line, "a quoted field is not closed");
        if (line == 1) {
            if (f.size() != kColumns.size() || !std::equal(f.begin(), f.end(), kColumns.begin()))
                return fail(line, "the header is not the efficiency table's columns");
            continue;
        }
        if (f.size() == 1 && f[0].empty())
            continue;
        if (f.size() != kColumns.size())
            return fail(line, std::to_string(f.size()) + " fields, not " +
                                  std::to_string(kColumns.size()));
        EfficiencyRow r{f[0], f[1], f[2], 0, 0, 0, 0, 0, f[8], f[9]};
        if (r.table != "training" && r.table != "inference" && r.table != "global")
            return fail(line, "unknown table '" + r.table + "'");
        if (r.key.empty() || r.parameter.empty())
            return fail(line, "a row needs a key and a parameter");
        double *targets[] = {&r.value, &r.prior, &r.priorSpread, &r.low, &r.high};
        for (std::size_t i = 0; i < 5; ++i) {
            const auto v = number(f[3 + i]);
            if (!v)
                return fail(line, "'" + std::string(kColumns[3 + i]) + "' is not a number: '" +
                                      f[3 + i] + "'");
            *targets[i] = *v;
        }
        if (r.priorSpread < 0 || r.low > r.high || r.value < r.low || r.value > r.high)
            return fail(line, r.parameter + " " + shortest(r.value) + " is outside its bounds " +
                                  shortest(r.low) + " to " + shortest(r.high));
        if (data.byName_.count(nameOf(r.table, r.key, r.parameter)))
            return fail(line, "a second row for " + r.table + " " + r.key + " " + r.parameter);
        data.rows_.push_back(std::move(r));
        data.byName_.emplace(
            nameOf(data.rows_.back().table, data.rows_.back().key, data.rows_.back().parameter),
            data.rows_.size() - 1);
    }
    return data;
}

std::string EfficiencyData::toCsv() const {
    std::string out;
    for (std::size_t i = 0; i < kColumns.size(); ++i)
        out.append(i ? "," : "").append(kColumns[i]);
    out += '\n';
    for (const EfficiencyRow &r : rows_) {
        out.append(quoted(r.table)).append(",").append(quoted(r.key)).append(",");
        out.append(quoted(r.parameter));
        for (double v : {r.value, r.prior, r.priorSpread, r.low, r.high})
            out.append(",").append(shortest(v));
        out.append(",").append(quoted(r.fittedOn)).append(",").append(quoted(r.source));
        out += '\n';
    }
    return out;
}

std::optional<double> EfficiencyData::find(std::string_view table, std::string_view key,
                                           std::string_view parameter) const {
    const auto it = byName_.find(nameOf(table, key, parameter));
    if (it == byName_.end())
        return std::nullopt;
    return rows_[it->second].value;
}

std::string EfficiencyData::familyKey(std::string_view table, const Chip &chip) const {
    if (!chip.efficiencyFamily.empty())
        for (const EfficiencyRow &r : rows_)
            if (r.table == table && r.key == chip.efficiencyFamily)
                return r.key;
    return stackKey(chip);
}

std::vector<std::string> EfficiencyData::families(std::string_view table) const {
    std::set<std::string> families, stacks;
    for (const EfficiencyRow &r : rows_)
        if (r.table == table)
            (r.key.starts_with("stack:") ? stacks : families).insert(r.key);
    std::vector<std::string> keys(families.begin(), families.end());
    keys.insert(keys.end(), stacks.begin(), stacks.end());
    return keys;
}

double EfficiencyData::global(std::string_view kind, std::string_view parameter) const {
    if (const auto v = find("global", kind, parameter))
        return *v;
    // Only a table without the shipped rows gets here (a broken build or a hand-made file
    // installed by a caller): a programming error, not user input.
    throw std::logic_error("efficiency table has no global " + std::string(kind) + " " +
                           std::string(parameter));
}

std::vector<ValidationProblem> unknownEfficiencyFamilies(const Catalog &catalog,
                                                         const EfficiencyData &data) {
    const std::vector<std::string> known = data.families("training");
    std::string list;
    for (const std::string &family : known) {
        if (!list.empty())
            list.append(", ");
        list.append(family);
    }
    std::vector<ValidationProblem> problems;
    for (std::size_t i = 0; i < catalog.chips.size(); ++i) {
        const Chip &chip = catalog.chips[i];
        if (std::find(known.begin(), known.end(), chip.efficiencyFamily) != known.end())
            continue;
        std::string what;
        if (chip.efficiencyFamily.empty())
            what.append("is not set: predictions use the generic rows of its software stack, ")
                .append(stackKey(chip));
        else
            what.append("'").append(chip.efficiencyFamily).append("' has no rows in the table");
        what.append(" (families: ").append(list).append(")");
        problems.push_back(
            {ValidationProblem::Record::chip, i, chip.id, "efficiency_family", std::move(what)});
    }
    return problems;
}

std::optional<std::string> unknownFamilyNote(const Chip &chip, const EfficiencyData &data) {
    if (chip.efficiencyFamily.empty() || data.familyKey("training", chip) == chip.efficiencyFamily)
        return std::nullopt;
    return "the efficiency table has no family '" + chip.efficiencyFamily + "' (set for " +
           chip.id + "): the generic rows of its software stack (" + stackKey(chip) + ") are used";
}

std::string stackKey(const Chip &chip) {
    std::string name(toString(softwareStackOf(chip)));
    for (char &c : name)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return "stack:" + name;
}

const EfficiencyData &shippedEfficiencyData() {
    static const EfficiencyData shipped = [] {
        std::string error;
        std::string csv;
        for (std::string_view part : kShippedEfficiencyCsvParts)
            csv.append(part);
        auto data = EfficiencyData::fromCsv(csv, &error);
        // The shipped table is checked by a test at build time; a damaged one is a build
        // error, never something a user's input can cause.
        if (!data)
            throw std::logic_error("the shipped efficiency table: " + error);
        return std::move(*data);
    }();
    return shipped;
}

const EfficiencyData &efficiencyData() {
    return tInstalled ? *tInstalled : shippedEfficiencyData();
}

ScopedEfficiencyData::ScopedEfficiencyData(const EfficiencyData &data) : previous_(tInstalled) {
    tInstalled = &data;
}

ScopedEfficiencyData::~ScopedEfficiencyData() { tInstalled = previous_; }

} // namespace accelplan
