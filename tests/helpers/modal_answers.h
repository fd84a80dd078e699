// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Answers the modal dialogs a window opens while a test drives it, as a user would: message
// boxes get the button planned for them, file dialogs the file planned (or Cancel). Polls from
// the event loop that the modal dialog runs, so nested dialogs (an unsaved-changes question,
// then the Save As dialog) are answered in turn. Keeps the text of every box it answered.

#include <QAbstractButton>
#include <QApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace accelplan::test {

class ModalAnswers : public QObject {
public:
    ModalAnswers() {
        timer_.setInterval(1);
        connect(&timer_, &QTimer::timeout, this, &ModalAnswers::answer);
        timer_.start();
    }

    // The button for the message boxes from now on (one that a box lacks: it is closed).
    void setButton(QMessageBox::StandardButton button) { button_ = button; }
    // The files the next file dialogs choose, one each in turn; once they are used up (or for
    // an empty name), a file dialog is cancelled.
    void setFiles(const QStringList &files) { files_ = files; }
    // What the boxes answered so far said (title, text and informative text).
    const QStringList &seen() const { return seen_; }
    void clearSeen() { seen_.clear(); }

private:
    void answer() {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            seen_ << box->windowTitle() + QLatin1Char('|') + box->text() + QLatin1Char('|') +
                         box->informativeText();
            QAbstractButton *button = box->button(button_);
            if (button)
                button->click();
            else
                box->reject();
        } else if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
            seen_ << QStringLiteral("file dialog|") + dialog->windowTitle();
            const QString file = files_.isEmpty() ? QString() : files_.takeFirst();
            if (file.isEmpty()) {
                dialog->reject();
            } else {
                dialog->selectFile(file);
                static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own is protected
            }
        } else if (modal) {
            seen_ << QStringLiteral("other dialog|") + modal->windowTitle();
            modal->close();
        }
    }

    QTimer timer_;
    QMessageBox::StandardButton button_ = QMessageBox::Ok;
    QStringList files_;
    QStringList seen_;
};

} // namespace accelplan::test
