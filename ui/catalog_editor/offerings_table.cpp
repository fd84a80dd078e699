// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/offerings_table.h"

#include "catalog_editor/chip_list_model.h"
#include "catalog_editor/unit_field.h"
#include "hardware/validation.h"
#include "support/text.h"
#include "units/format.h"
#include "units/parse.h"

#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace accelplan::ui {

namespace {

enum Column {
    provider,
    instance,
    region,
    chips,
    price0,
    currency = price0 + 4, // the published price's, with its rate in the tool tip
    asOf,
    source,
    values,
    count
};

// "CNY 41.10/h at 0.1395 USD (2025-07-01)": the price as published, for the currency's tool tip.
QString publishedText(const Offering &o) {
    if (!o.publishedPerHour)
        return OfferingsTable::tr("Prices published in %1").arg(qs(o.currency));
    QString text = OfferingsTable::tr("Published: %1 %2 per instance-hour on demand")
                       .arg(qs(o.currency))
                       .arg(*o.publishedPerHour, 0, 'f', 2);
    if (o.usdRate)
        text +=
            OfferingsTable::tr(", converted at %1 USD per %2").arg(*o.usdRate).arg(qs(o.currency));
    if (!o.usdRateDate.empty())
        text += OfferingsTable::tr(" (rate of %1)").arg(qs(o.usdRateDate));
    return text;
}

QString pricingTitle(Pricing p) {
    switch (p) {
    case Pricing::onDemand: return OfferingsTable::tr("On demand");
    case Pricing::spot: return OfferingsTable::tr("Spot");
    case Pricing::reserved1y: return OfferingsTable::tr("Reserved 1 y");
    case Pricing::reserved3y: return OfferingsTable::tr("Reserved 3 y");
    case Pricing::owned: break;
    }
    return {};
}

// In US dollars whatever the workspace shows: the catalog keeps them so.
QString priceText(const std::optional<units::DollarsPerSecond> &price) {
    units::FormatOptions inDollars;
    inDollars.currency = units::Currency{};
    return price ? qs(units::format(*price, inDollars)) : QString();
}

} // namespace

OfferingsTable::OfferingsTable(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_ = new QTableWidget(0, Column::count, this);
    table_->setObjectName(QStringLiteral("offeringsTable"));
    QStringList headers{tr("Provider"), tr("Instance"), tr("Region"), tr("Chips")};
    for (Pricing p : kRentalPricings)
        headers << pricingTitle(p);
    headers << tr("Currency") << tr("Price as of") << tr("Source") << tr("Values");
    table_->setHorizontalHeaderLabels(headers);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // What sets an offering apart first (its instance, chips and prices), then where and since
    // when; the columns keep their logical order for the code.
    for (int column : {int(chips), int(price0), price0 + 1, price0 + 2, price0 + 3})
        table_->horizontalHeader()->moveSection(table_->horizontalHeader()->visualIndex(column),
                                                column - 1);
    connect(table_, &QTableWidget::itemChanged, this, &OfferingsTable::cellEdited);
    layout->addWidget(table_, 1);

    auto *buttons = new QHBoxLayout;
    add_ = new QPushButton(tr("Add Offering"), this);
    add_->setObjectName(QStringLiteral("addOfferingButton"));
    remove_ = new QPushButton(tr("Delete Offering"), this);
    remove_->setObjectName(QStringLiteral("deleteOfferingButton"));
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("offeringProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #d32f2f"));
    problem_->setWordWrap(true);
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addWidget(problem_, 1);
    layout->addLayout(buttons);
    connect(add_, &QPushButton::clicked, this, &OfferingsTable::askNewOffering);
    connect(remove_, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow();
        if (row >= 0 && row < static_cast<int>(shown_.size()))
            emit deleteRequested(shown_[static_cast<std::size_t>(row)].id());
    });
}

QString OfferingsTable::problem() const { return problem_->text(); }

void OfferingsTable::showProblem(const QString &problem) {
    problem_->setText(problem);
    problem_->setToolTip(problem);
}

void OfferingsTable::setOfferings(const Catalog &catalog, const std::string &chipId) {
    loading_ = true;
    chipId_ = chipId;
    shown_.clear();
    if (!chipId.empty())
        for (const Offering *o : catalog.offeringsFor(chipId))
            shown_.push_back(*o);
    table_->setRowCount(static_cast<int>(shown_.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const Offering &o = shown_[static_cast<std::size_t>(row)];
        auto set = [&](int column, const QString &text, bool editable = true) {
            auto *item = new QTableWidgetItem(text);
            if (!editable)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            table_->setItem(row, column, item);
        };
        set(provider, qs(o.provider));
        set(instance, qs(o.instance));
        set(region, qs(o.region));
        set(chips, QString::number(o.chipsPerInstance));
        for (std::size_t i = 0; i < kRentalPricings.size(); ++i)
            set(price0 + static_cast<int>(i), priceText(o.pricePerInstance[i]));
        set(currency, qs(o.currency));
        table_->item(row, currency)->setToolTip(publishedText(o));
        set(asOf, qs(o.asOf));
        set(source, qs(o.source));
        set(values, provenanceText(o.provenance), false);
        for (int column : {int(instance), int(region), int(source)})
            table_->item(row, column)->setToolTip(table_->item(row, column)->text());
    }
    table_->resizeColumnsToContents();
    // Long instance names, regions and URLs are cut (their tool tip has them whole) so that the
    // prices stay in view.
    constexpr int kWidestText = 170;
    for (int column : {int(instance), int(region), int(source)})
        table_->setColumnWidth(column, std::min(table_->columnWidth(column), kWidestText));
    add_->setEnabled(!chipId.empty());
    remove_->setEnabled(!shown_.empty());
    showProblem(QString());
    loading_ = false;
}

void OfferingsTable::cellEdited(QTableWidgetItem *item) {
    if (loading_ || item->row() >= static_cast<int>(shown_.size()))
        return;
    const Offering &before = shown_[static_cast<std::size_t>(item->row())];
    Offering after = before;
    const QString text = item->text().trimmed();
    const int column = item->column();
    QString problem;
    if (column == provider)
        after.provider = text.toStdString();
    else if (column == instance)
        after.instance = text.toStdString();
    else if (column == region)
        after.region = text.toStdString();
    else if (column == chips) {
        bool ok = false;
        after.chipsPerInstance = text.toInt(&ok);
        if (!ok)
            problem = tr("Chips per instance: '%1' is not a whole number").arg(text);
    } else if (column >= price0 && column < price0 + static_cast<int>(kRentalPricings.size())) {
        auto &price = after.pricePerInstance[static_cast<std::size_t>(column - price0)];
        if (text.isEmpty()) {
            price.reset();
        } else {
            const auto parsed = units::parse<units::DollarsPerSecond>(text.toStdString());
            if (parsed.ok())
                price = parsed.value;
            else
                problem = tr("%1: %2").arg(table_->horizontalHeaderItem(column)->text(),
                                           qs(parsed.error.message));
        }
    } else if (column == currency)
        after.currency = text.toUpper().toStdString();
    else if (column == asOf)
        after.asOf = text.toStdString();
    else if (column == source)
        after.source = text.toStdString();
    if (problem.isEmpty())
        for (const ValidationProblem &p : validateOffering(after))
            problem = qs(p.describe());
    if (!problem.isEmpty()) {
        showProblem(problem);
        item->setBackground(QColor(0xfd, 0xec, 0xea));
        item->setToolTip(problem);
        return;
    }
    showProblem(QString());
    emit offeringEdited(before, after);
}

bool OfferingsTable::addOffering(const QString &provider, const QString &instance, int chips,
                                 const QString &onDemandPrice) {
    Offering o;
    o.chipId = chipId_;
    o.provider = provider.trimmed().toStdString();
    o.instance = instance.trimmed().toStdString();
    o.chipsPerInstance = chips;
    const auto price = units::parse<units::DollarsPerSecond>(onDemandPrice.toStdString());
    if (!price.ok()) {
        showProblem(tr("On demand: %1").arg(qs(price.error.message)));
        return false;
    }
    o.pricePerInstance[0] = price.value;
    o.asOf = QDate::currentDate().toString(Qt::ISODate).toStdString();
    o.provenance = Provenance::userAdded;
    for (const ValidationProblem &p : validateOffering(o)) {
        showProblem(qs(p.describe()));
        return false;
    }
    showProblem(QString());
    emit offeringEdited(std::nullopt, o);
    return true;
}

void OfferingsTable::askNewOffering() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add offering"));
    auto *form = new QFormLayout(&dialog);
    auto *provider = new QLineEdit(QStringLiteral("my-cloud"), &dialog);
    auto *instance = new QLineEdit(qs(chipId_) + QStringLiteral("-x8"), &dialog);
    auto *chips = new QSpinBox(&dialog);
    chips->setRange(1, 1 << 16);
    chips->setValue(8);
    auto *price = new UnitField(units::Measure::MoneyRate, &dialog);
    form->addRow(tr("Provider"), provider);
    form->addRow(tr("Instance"), instance);
    form->addRow(tr("Chips per instance"), chips);
    form->addRow(tr("On-demand price per instance-hour"), price);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    auto okEnabled = [price, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(price->problem().isEmpty() && !price->text().trimmed().isEmpty());
    };
    connect(price, &QLineEdit::textChanged, &dialog, okEnabled);
    okEnabled();
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        addOffering(provider->text(), instance->text(), chips->value(), price->text());
}

} // namespace accelplan::ui
