// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli scenario: scenarios shared in a (team) catalog, beside files.
//   scenario save SCENARIO.json [--name NAME] [--catalog DB]   checked first; replaces NAME
//   scenario list [--catalog DB]                               names, who saved them, when
//   scenario open NAME [-o FILE] [--catalog DB]                the scenario's JSON

#include "catalog/catalog_store.h"
#include "catalog_command.h"
#include "cli.h"
#include "io/scenario_json.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace accelplan::cli {
namespace {

struct Options {
    QString subcommand, name, catalog, output;
    QStringList operands;
};

int usage(QTextStream &err, const QString &why) {
    err << "accelplan-cli scenario: " << why << "\n"
        << "usage: accelplan-cli scenario save SCENARIO.json [--name NAME] [--catalog DB]\n"
           "       accelplan-cli scenario list [--catalog DB]\n"
           "       accelplan-cli scenario open NAME [-o FILE] [--catalog DB]\n";
    return UsageError;
}

int save(const Options &options, QTextStream &err) {
    const QString path = options.operands.value(0);
    const data::ScenarioReadResult read = data::readScenarioFile(path);
    if (!read.scenario) {
        err << data::toString(read.errors) << "\n";
        return BadInput;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "accelplan-cli: " << path << ": " << file.errorString() << "\n";
        return BadInput;
    }
    const QString name = !options.name.isEmpty() ? options.name
                         : !read.scenario->name.empty()
                             ? QString::fromStdString(read.scenario->name)
                             : QFileInfo(path).completeBaseName();
    const auto store = catalog::openStore(options.catalog, err);
    if (!store)
        return BadInput;
    QString error;
    if (!store->saveScenario(name, file.readAll(), &error)) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    QTextStream(stdout) << "saved '" << name.trimmed() << "' in " << store->path() << "\n";
    return Success;
}

int list(const Options &options, QTextStream &err) {
    const auto store = catalog::openStore(options.catalog, err);
    if (!store)
        return BadInput;
    QString error;
    const auto all = store->scenarios(&error);
    if (!all) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    QTextStream out(stdout);
    for (const auto &s : *all)
        out << s.name << "\t" << s.savedBy << "\t" << s.savedAt << "\n";
    return Success;
}

int open(const Options &options, QTextStream &err) {
    const auto store = catalog::openStore(options.catalog, err);
    if (!store)
        return BadInput;
    QString error;
    const QString name = options.operands.value(0);
    const auto found = store->scenario(name, &error);
    if (!found) {
        err << "accelplan-cli: "
            << (error.isEmpty() ? QStringLiteral("%1: no shared scenario is named '%2'")
                                      .arg(store->path(), name)
                                : error)
            << "\n";
        return BadInput;
    }
    if (options.output.isEmpty()) {
        std::fwrite(found->body.constData(), 1, std::size_t(found->body.size()), stdout);
        return Success;
    }
    QSaveFile file(options.output);
    if (!file.open(QIODevice::WriteOnly) || file.write(found->body) != found->body.size() ||
        !file.commit()) {
        err << "accelplan-cli: " << options.output << ": " << file.errorString() << "\n";
        return BadInput;
    }
    return Success;
}

} // namespace

int runScenario(const QStringList &args) {
    QTextStream err(stderr);
    Options options;
    options.subcommand = args.value(0);
    const QStringList subcommands{QStringLiteral("save"), QStringLiteral("list"),
                                  QStringLiteral("open")};
    if (!subcommands.contains(options.subcommand))
        return usage(err, options.subcommand.isEmpty()
                              ? QStringLiteral("which subcommand?")
                              : QStringLiteral("unknown subcommand '%1'").arg(options.subcommand));
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString *value =
            arg == QLatin1String("--catalog") ? &options.catalog
            : arg == QLatin1String("--name") && options.subcommand == QLatin1String("save")
                ? &options.name
            : (arg == QLatin1String("-o") || arg == QLatin1String("--output")) &&
                    options.subcommand == QLatin1String("open")
                ? &options.output
                : nullptr;
        if (value) {
            if (i + 1 >= args.size() || args[i + 1].isEmpty())
                return usage(err, QStringLiteral("%1 needs a value").arg(arg));
            *value = args[++i];
        } else if (arg.startsWith(u'-')) {
            return usage(err, QStringLiteral("%1 does not take %2").arg(options.subcommand, arg));
        } else {
            options.operands << arg;
        }
    }
    const qsizetype wanted = options.subcommand == QLatin1String("list") ? 0 : 1;
    if (options.operands.size() != wanted)
        return usage(err, wanted == 0 ? QStringLiteral("list takes no operand")
                                      : QStringLiteral("%1 needs one %2")
                                            .arg(options.subcommand,
                                                 options.subcommand == QLatin1String("save")
                                                     ? QStringLiteral("file")
                                                     : QStringLiteral("name")));
    if (options.subcommand == QLatin1String("save"))
        return save(options, err);
    if (options.subcommand == QLatin1String("list"))
        return list(options, err);
    return open(options, err);
}

} // namespace accelplan::cli
