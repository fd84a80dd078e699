// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_table.h"

#include "support/qt_text.h"

namespace accelplan::cli::catalog {

QString shownText(const std::string &text) { return text.empty() ? kUnknown : data::qs(text); }

} // namespace accelplan::cli::catalog
