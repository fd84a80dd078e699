// SPDX-License-Identifier: GPL-3.0-or-later
// `accelplan-cli catalog ...`: argument parsing and dispatch to the subcommands.

#include "catalog_command.h"
#include "cli.h"

#include <functional>
#include <map>

namespace accelplan::cli {
namespace {

using catalog::Options;

struct Subcommand {
    std::function<int(const Options &)> run;
    int minOperands;
    int maxOperands;
    QStringList allowedOptions;
    QStringList formats; // allowed --format values
};

const std::map<QString, Subcommand> &subcommands() {
    static const std::map<QString, Subcommand> all{
        {QStringLiteral("list"),
         {catalog::list,
          0,
          0,
          {QStringLiteral("--kind"), QStringLiteral("--format")},
          {QStringLiteral("json"), QStringLiteral("table")}}},
        {QStringLiteral("show"),
         {catalog::show,
          1,
          1,
          {QStringLiteral("--format")},
          {QStringLiteral("json"), QStringLiteral("table")}}},
        {QStringLiteral("export"), {catalog::exportFile, 1, 1, {}, {}}},
        {QStringLiteral("import"), {catalog::importFile, 1, 1, {QStringLiteral("--replace")}, {}}},
        {QStringLiteral("validate"), {catalog::validate, 0, 1, {}, {}}},
    };
    return all;
}

int usage(QTextStream &err, const QString &problem) {
    if (!problem.isEmpty())
        err << "accelplan-cli catalog: " << problem << "\n";
    err << "usage: accelplan-cli catalog list [--kind gpu|tpu|npu|cpu|other] [--format json|table]"
           " [--catalog DB]\n"
           "       accelplan-cli catalog show CHIP_ID [--format json|table] [--catalog DB]\n"
           "       accelplan-cli catalog export FILE.json|FILE.csv [--catalog DB]\n"
           "       accelplan-cli catalog import FILE.json|FILE.csv [--replace] [--catalog DB]\n"
           "       accelplan-cli catalog validate [FILE.json|FILE.csv] [--catalog DB]\n";
    return UsageError;
}

const QStringList kKinds{QStringLiteral("gpu"), QStringLiteral("tpu"), QStringLiteral("npu"),
                         QStringLiteral("cpu"), QStringLiteral("other")};

} // namespace

int runCatalog(const QStringList &args) {
    QTextStream err(stderr);
    if (args.isEmpty())
        return usage(err, QStringLiteral("which subcommand?"));
    Options options;
    options.subcommand = args.first();
    const auto found = subcommands().find(options.subcommand);
    if (found == subcommands().end())
        return usage(err, QStringLiteral("unknown subcommand '%1'").arg(options.subcommand));
    const Subcommand &sub = found->second;

    for (qsizetype i = 1; i < args.size(); ++i) {
        QString arg = args[i];
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            options.operands << arg;
            continue;
        }
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = arg.indexOf(u'='); eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        }
        const bool known = arg == QLatin1String("--catalog") || sub.allowedOptions.contains(arg);
        if (!known)
            return usage(err, QStringLiteral("%1 does not take %2").arg(options.subcommand, arg));
        if (arg == QLatin1String("--replace")) {
            if (hasValue)
                return usage(err, QStringLiteral("--replace takes no value"));
            options.replace = true;
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= args.size())
                return usage(err, QStringLiteral("%1 needs a value").arg(arg));
            value = args[++i];
        }
        if (arg == QLatin1String("--catalog")) {
            if (value.isEmpty())
                return usage(err, QStringLiteral("--catalog needs a file name"));
            options.catalogPath = value;
        } else if (arg == QLatin1String("--format")) {
            if (!sub.formats.contains(value))
                return usage(err, QStringLiteral("--format must be one of %1, not '%2'")
                                      .arg(sub.formats.join(QStringLiteral(", ")), value));
            options.format = value;
        } else if (arg == QLatin1String("--kind")) {
            if (!kKinds.contains(value))
                return usage(err, QStringLiteral("--kind must be one of %1, not '%2'")
                                      .arg(kKinds.join(QStringLiteral(", ")), value));
            options.kind = value;
        }
    }
    if (options.operands.size() < sub.minOperands)
        return usage(err, QStringLiteral("%1 needs %2")
                              .arg(options.subcommand, options.subcommand == QLatin1String("show")
                                                           ? QStringLiteral("a chip id")
                                                           : QStringLiteral("a file name")));
    if (options.operands.size() > sub.maxOperands)
        return usage(
            err, QStringLiteral("unexpected argument '%1'").arg(options.operands[sub.maxOperands]));
    return sub.run(options);
}

namespace catalog {

std::unique_ptr<data::CatalogStore> openStore(const QString &catalogPath, QTextStream &err) {
    data::OpenedCatalog opened = data::openCatalog(catalogPath);
    if (!opened.store)
        err << "accelplan-cli: " << opened.error << "\n";
    else if (const auto &merge = opened.seedMerge; merge && merge->ok)
        err << "accelplan-cli: " << opened.store->path() << ": merged the newer shipped catalog "
            << opened.store->dataVersion() << " (" << merge->added << " records added, "
            << merge->updated << " updated, " << merge->keptEdits << " with your changes kept)"
            << (merge->backupPath.isEmpty()
                    ? QString()
                    : QStringLiteral("; the catalog as it was is in ") + merge->backupPath)
            << "\n";
    else if (merge)
        err << "accelplan-cli: warning: " << merge->error << "\n";
    return std::move(opened.store);
}

} // namespace catalog
} // namespace accelplan::cli
