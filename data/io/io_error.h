// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A problem found in a file, located precisely enough for a person to fix it: the file, then a
// JSON path (`candidates[2].count`) or a line and column (JSON syntax, CSV), then the reason.
// Readers collect every problem they find instead of stopping at the first, so that one run
// shows the user everything to fix.

#include <QList>
#include <QString>

#include <utility>

namespace accelplan::data {

struct IoError {
    QString file;     // as the user named it
    QString jsonPath; // "candidates[2].count"; empty when the problem is not at one JSON value
    int line = 0;     // 1-based; 0 when unknown
    int column = 0;   // 1-based; 0 when unknown
    QString reason;

    // One line for people:
    //   "scenario.json: candidates[2].count: must be at least 1, got 0"
    //   "scenario.json:3:17: JSON syntax error: unterminated object"
    //   "chips.csv:12:4: not a number: 'abc'"
    QString toString() const;
    bool operator==(const IoError &) const = default;
};

using IoErrors = QList<IoError>;

// The errors one per line (each ending in a newline), for stderr and dialogs.
QString toString(const IoErrors &errors);

// JSON paths as the errors print them: member("candidates", ...) then index(..., 2) gives
// "candidates[2]"; a member of the document root has no leading dot.
QString jsonMemberPath(const QString &parent, const QString &key);
QString jsonIndexPath(const QString &parent, qsizetype index);

// Collects the problems of one file, each tagged with that file's name.
class IoErrorLog {
public:
    explicit IoErrorLog(QString file) : file_(std::move(file)) {}

    void atPath(const QString &jsonPath, const QString &reason);
    void atLine(int line, int column, const QString &reason);
    void append(const IoErrors &errors) { errors_ += errors; }

    const QString &file() const { return file_; }
    const IoErrors &errors() const { return errors_; }
    bool isEmpty() const { return errors_.isEmpty(); }

private:
    QString file_;
    IoErrors errors_;
};

} // namespace accelplan::data
