package jp.yorisoi.mail;

import static jp.yorisoi.content.MailRendering.escape;
import static jp.yorisoi.mail.MailSignup.copy;
import static jp.yorisoi.mail.MailSignup.simple;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.mail.MailLinks.Purpose;
import jp.yorisoi.mail.SignupForm.Problem;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.registration.RegistrationRules;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An e-mail reader's own pages, reached by the signed links of each mail: the settings (change a date, add a child,
 * report a birth or a loss, stop, delete) and the unsubscribe page with its one-click POST (RFC 8058). Each settings
 * form carries a token bound to the reader's version, so a form is good for one change and a stale page changes
 * nothing.
 */
public final class MailSettings {

    private static final Logger LOG = LoggerFactory.getLogger(MailSettings.class);

    private final ReaderStore readers;
    private final MunicipalityStore towns;
    private final Clock clock;

    public MailSettings(ReaderStore readers, MunicipalityStore towns, Clock clock) {
        this.readers = readers;
        this.towns = towns;
        this.clock = clock;
    }

    /** The settings page the link of a mail opens. */
    public Page settings(String token, MailLinks links) {
        return withReader(token, Purpose.SETTINGS, links, (town, reader, t) -> settingsPage(town, reader, links, null));
    }

    /** One settings form posted. */
    public Page change(Map<String, String> fields, MailLinks links) {
        return withReader(fields.get("t"), Purpose.SETTINGS_FORM, links, (town, reader, token) -> {
            Copy copy = copy(reader.language());
            if (!token.nonce().equals(Long.toString(reader.version()))) {
                return settingsPage(town, reader, links, new Notice(copy.text("settings.outdated"), true, 409));
            }
            return apply(town, reader, fields, links);
        });
    }

    private Page apply(Municipality town, Reader reader, Map<String, String> fields, MailLinks links) {
        Copy copy = copy(reader.language());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ProgramSchedule.ZONE);
        String action = String.valueOf(fields.get("action"));
        Optional<Child> child = Optional.ofNullable(fields.get("child")).flatMap(reader::child).filter(Child::isActive);
        Optional<LocalDate> date = SignupForm.parseDate(fields.get("date"));
        switch (action) {
            case "stop" -> {
                return save(town, reader, links, r -> r.withStatus(ReaderStatus.UNSUBSCRIBED),
                        simple(200, copy, "stopped.title", "stopped.text", town.name()));
            }
            case "delete" -> {
                readers.delete(reader.municipalityId(), reader.readerId());
                LOG.info("reader {} of municipality {} deleted their e-mail registration", reader.readerId(),
                        reader.municipalityId());
                return simple(200, copy, "deleted.title", "deleted.text");
            }
            case "loss" -> {
                if (child.isEmpty()) {
                    return settingsPage(town, reader, links, new Notice(copy.text("settings.outdated"), true, 409));
                }
                Reader changed = reader.withChild(child.get().lost());
                return save(town, reader, links, r -> changed, lossPage(town, changed, links));
            }
            case "add" -> {
                String kind = fields.get("kind");
                if (!RegistrationRules.mayAddChild(reader)) {
                    return problem(town, reader, links, new Problem("error.tooManyChildren"));
                }
                if (date.isEmpty() || !(SignupForm.PREGNANCY.equals(kind) || SignupForm.CHILD.equals(kind))) {
                    return problem(town, reader, links, new Problem("error.date"));
                }
                Optional<Problem> rule = SignupForm.dateProblem(kind, date.get(), today, town.endBirthday());
                if (rule.isPresent()) {
                    return problem(town, reader, links, rule.get());
                }
                Child added = (SignupForm.PREGNANCY.equals(kind) ? Child.expected(reader.nextChildId(), date.get())
                        : Child.born(reader.nextChildId(), date.get())).withAddedOn(today);
                List<Child> children = new ArrayList<>(reader.children());
                children.add(added);
                return saved(town, reader, links, r -> r.withChildren(children));
            }
            case "due", "birth" -> {
                if (child.isEmpty() || ("due".equals(action) && child.get().track() != Track.PREGNANCY)) {
                    return settingsPage(town, reader, links, new Notice(copy.text("settings.outdated"), true, 409));
                }
                if (date.isEmpty()) {
                    return problem(town, reader, links, new Problem("error.date"));
                }
                String kind = "due".equals(action) ? SignupForm.PREGNANCY : SignupForm.CHILD;
                Optional<Problem> rule = SignupForm.dateProblem(kind, date.get(), today, town.endBirthday());
                if (rule.isPresent()) {
                    return problem(town, reader, links, rule.get());
                }
                // a new due date asks the birth question afresh when it passes, as in the LINE chat
                Child changed = "due".equals(action)
                        ? new Child(child.get().childId(), date.get(), null, child.get().status(), null,
                                child.get().addedOn())
                        : child.get().withBirthDate(date.get());
                return saved(town, reader, links, r -> r.withChild(changed));
            }
            default -> {
                return settingsPage(town, reader, links, new Notice(copy.text("settings.outdated"), true, 400));
            }
        }
    }

    private Page problem(Municipality town, Reader reader, MailLinks links, Problem problem) {
        Copy copy = copy(reader.language());
        return settingsPage(town, reader, links, new Notice(copy.text(problem.key(), problem.arguments()), true, 400));
    }

    private Page saved(Municipality town, Reader reader, MailLinks links, UnaryOperator<Reader> change) {
        Copy copy = copy(reader.language());
        Reader changed = change.apply(reader);
        try {
            Reader stored = readers.save(changed);
            return settingsPage(town, stored, links, new Notice(copy.text("settings.saved"), false, 200));
        } catch (ReaderStore.ConcurrentChangeException e) {
            return settingsPage(town, readers.find(reader.municipalityId(), reader.readerId()).orElse(reader), links,
                    new Notice(copy.text("settings.outdated"), true, 409));
        }
    }

    private Page save(Municipality town, Reader reader, MailLinks links, UnaryOperator<Reader> change, Page done) {
        try {
            readers.save(change.apply(reader));
            return done;
        } catch (ReaderStore.ConcurrentChangeException e) {
            Copy copy = copy(reader.language());
            return settingsPage(town, readers.find(reader.municipalityId(), reader.readerId()).orElse(reader), links,
                    new Notice(copy.text("settings.outdated"), true, 409));
        }
    }

    private Page lossPage(Municipality town, Reader changed, MailLinks links) {
        Copy copy = copy(changed.language());
        PageHtml page = new PageHtml(copy, copy.text("loss.title")).heading().paragraph(copy.text("loss.text"));
        if (town.consultation() != null) {
            page.paragraph(copy.text("loss.consult", town.consultation()));
        }
        // the version the save gives the reader: the delete offered here is good for exactly that state
        String token = formToken(links, changed.municipalityId(), changed.readerId(), changed.version() + 1);
        page.button(links.baseUrl() + "/mail/settings", copy.text("submit.delete"), true, "t", token,
                "action", "delete");
        return new Page(200, page.render());
    }

    /** The unsubscribe link opened in a browser: one button, because opening a link must not unsubscribe. */
    public Page unsubscribePage(String token, MailLinks links) {
        return withReader(token, Purpose.UNSUBSCRIBE, links, (town, reader, t) -> {
            Copy copy = copy(reader.language());
            PageHtml page = new PageHtml(copy, copy.text("unsubscribe.title")).heading()
                    .paragraph(copy.text("unsubscribe.text", town.name()))
                    .button(links.baseUrl() + "/mail/unsubscribe?t=" + token, copy.text("submit.unsubscribe"), true);
            return new Page(200, page.render());
        });
    }

    /**
     * The one-click unsubscribe (RFC 8058 section 3.2: a POST to the List-Unsubscribe URI with the body
     * {@code List-Unsubscribe=One-Click}, no cookies, and the answer must not be a redirect), also posted by the
     * button of {@link #unsubscribePage}. The token in the URI is the whole authority; the body is not needed.
     * Stopping again changes nothing and answers the same.
     */
    public Page unsubscribe(String token, MailLinks links) {
        return withReader(token, Purpose.UNSUBSCRIBE, links, (town, reader, t) -> {
            Copy copy = copy(reader.language());
            if (reader.status() != ReaderStatus.UNSUBSCRIBED && reader.status() != ReaderStatus.UNREACHABLE) {
                stop(reader);
            }
            return simple(200, copy, "stopped.title", "stopped.text", town.name());
        });
    }

    /** One retry on a concurrent change: the daily sender may be recording a question while the reader stops. */
    private void stop(Reader reader) {
        try {
            readers.save(reader.withStatus(ReaderStatus.UNSUBSCRIBED));
        } catch (ReaderStore.ConcurrentChangeException e) {
            readers.find(reader.municipalityId(), reader.readerId())
                    .ifPresent(current -> readers.save(current.withStatus(ReaderStatus.UNSUBSCRIBED)));
        }
        LOG.info("reader {} of municipality {} unsubscribed from e-mail", reader.readerId(), reader.municipalityId());
    }

    private interface ReaderAction {
        Page apply(Municipality town, Reader reader, MailLinks.Token token);
    }

    private Page withReader(String token, Purpose purpose, MailLinks links, ReaderAction action) {
        MailLinks.Check check = links.check(token, purpose, clock.instant());
        Copy fallback = copy(null);
        if (check instanceof MailLinks.Expired) {
            return simple(410, fallback, "link.expired.title", "link.expired.text");
        }
        if (!(check instanceof MailLinks.Valid valid)) {
            return simple(400, fallback, "link.invalid.title", "link.invalid.text");
        }
        String municipalityId = valid.token().municipalityId();
        Optional<Municipality> town = towns.find(municipalityId);
        Optional<Reader> reader = readers.find(municipalityId, valid.token().readerId())
                .filter(r -> r.channel() == Channel.EMAIL);
        if (town.isEmpty()) {
            return simple(400, fallback, "link.invalid.title", "link.invalid.text");
        }
        if (reader.isEmpty()) {
            // deleted: an unsubscribe of nobody is already done; any other page has nothing to show
            return purpose == Purpose.UNSUBSCRIBE
                    ? simple(200, fallback, "stopped.title", "stopped.text", town.get().name())
                    : simple(400, fallback, "link.invalid.title", "link.invalid.text");
        }
        if (purpose != Purpose.UNSUBSCRIBE && reader.get().status() == ReaderStatus.UNSUBSCRIBED) {
            return simple(200, copy(reader.get().language()), "stopped.title", "stopped.text", town.get().name());
        }
        return action.apply(town.get(), reader.get(), valid.token());
    }

    private record Notice(String text, boolean problem, int status) {}

    private Page settingsPage(Municipality town, Reader reader, MailLinks links, Notice notice) {
        Copy copy = copy(reader.language());
        String action = links.baseUrl() + "/mail/settings";
        String token = formToken(links, reader.municipalityId(), reader.readerId(), reader.version());
        PageHtml page = new PageHtml(copy, copy.text("settings.title")).heading();
        if (notice != null) {
            page.notice(notice.text(), notice.problem());
        }
        for (Child child : reader.activeChildren()) {
            boolean expecting = child.track() == Track.PREGNANCY;
            StringBuilder box = new StringBuilder("<section class=\"child\">\n<h2>")
                    .append(escape(expecting ? copy.text("settings.child.pregnancy", child.dueDate().toString())
                            : copy.text("settings.child.born", child.birthDate().toString())))
                    .append("</h2>\n");
            if (expecting) {
                box.append(dateForm(action, token, child.childId(), "due", copy.text("submit.changeDue")));
                box.append(dateForm(action, token, child.childId(), "birth", copy.text("submit.reportBirth")));
            } else {
                box.append(dateForm(action, token, child.childId(), "birth", copy.text("submit.changeBirth")));
            }
            page.raw(box.toString());
            page.button(action, copy.text("submit.loss"), true, "t", token, "action", "loss", "child", child.childId());
            page.raw("</section>\n");
        }
        if (RegistrationRules.mayAddChild(reader)) {
            StringBuilder add = new StringBuilder("<h2>").append(escape(copy.text("settings.add"))).append("</h2>\n")
                    .append("<form method=\"post\" action=\"").append(escape(action)).append("\">\n")
                    .append(PageHtml.hidden("t", token)).append(PageHtml.hidden("action", "add"));
            for (String kind : List.of(SignupForm.PREGNANCY, SignupForm.CHILD)) {
                add.append("<label class=\"choice\"><input type=\"radio\" name=\"kind\" value=\"").append(kind)
                        .append("\" required> ").append(escape(copy.text("kind." + kind))).append("</label>\n");
            }
            add.append("<label for=\"add-date\">").append(escape(copy.text("field.date"))).append("</label>\n")
                    .append("<input type=\"date\" id=\"add-date\" name=\"date\" required>\n")
                    .append("<button type=\"submit\">").append(escape(copy.text("submit.add"))).append("</button>\n</form>\n");
            page.raw(add.toString());
        }
        page.raw("<h2>" + escape(copy.text("submit.stop")) + "</h2>\n");
        page.button(action, copy.text("submit.stop"), true, "t", token, "action", "stop");
        page.button(action, copy.text("submit.delete"), true, "t", token, "action", "delete");
        return new Page(notice == null ? 200 : notice.status(), page.render());
    }

    private static String dateForm(String action, String token, String childId, String kind, String label) {
        return "<form method=\"post\" action=\"" + escape(action) + "\">\n" + PageHtml.hidden("t", token)
                + PageHtml.hidden("action", kind) + PageHtml.hidden("child", childId)
                + "<input type=\"date\" name=\"date\" required aria-label=\"" + escape(label) + "\">\n"
                + "<button type=\"submit\">" + escape(label) + "</button>\n</form>\n";
    }

    private String formToken(MailLinks links, String municipalityId, String readerId, long version) {
        return links.issue(Purpose.SETTINGS_FORM, municipalityId, readerId, Long.toString(version), clock.instant());
    }
}
