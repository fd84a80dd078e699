#include "cli.h"
#include "version.h"

#include <QTextStream>

namespace accelplan::cli {

int runVersion(const QStringList &) {
    QTextStream out(stdout);
    out << "accelplan " << kAppVersion << "\n";
    return Success;
}

}  // namespace accelplan::cli
