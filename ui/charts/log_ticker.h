// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Ticks for log axes that people read without counting decades: 1, 2, 5, 10, 20, 50 ... (or
// every decade on wide ranges, or powers of two for chip counts), labelled as plain numbers
// ("1,000", not "10³").

#include <qcustomplot.h>

namespace accelplan::ui {

class LogTicker : public QCPAxisTicker {
public:
    explicit LogTicker(int base = 10) : base_(base) {}

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange &range) override;
    QVector<double> createSubTickVector(int subTickCount, const QVector<double> &ticks) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar,
                         int precision) override;

private:
    int base_;
};

} // namespace accelplan::ui
