package jp.yorisoi.mail;

import static jp.yorisoi.content.MailRendering.escape;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.delivery.MailSender;
import jp.yorisoi.delivery.RetryableSendException;
import jp.yorisoi.mail.MailLinks.Purpose;
import jp.yorisoi.mail.SignupForm.Problem;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.ReaderStore;
import jp.yorisoi.reader.Role;
import jp.yorisoi.schedule.ProgramSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail signup of one town, with double opt-in: the form stores a pending reader (REGISTERING, with a nonce)
 * and mails a confirmation link; only that link makes the reader ACTIVE. The answer to a submitted form is the
 * same whether or not the address is known, and a known address gets a mail, not a page, telling so.
 */
public final class MailSignup {

    private static final Logger LOG = LoggerFactory.getLogger(MailSignup.class);
    static final String COPY = "signup";
    /** Where a pending signup keeps the nonce its confirmation link must carry. */
    static final String CONFIRM_NONCE = "mailConfirmNonce";
    /** Signups from one source address per hour: a family or an office shares one address, a script many. */
    public static final int SIGNUPS_PER_SOURCE_PER_HOUR = 20;
    /** Confirmation mails to one address a day: enough for typos and a lost mail, too few to flood anyone. */
    public static final int MAILS_PER_ADDRESS_PER_DAY = 3;

    private final ReaderStore readers;
    private final MunicipalityStore towns;
    private final Counters counters;
    private final MailSender mail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MailSignup(ReaderStore readers, MunicipalityStore towns, Counters counters, MailSender mail, Clock clock) {
        this.readers = readers;
        this.towns = towns;
        this.counters = counters;
        this.mail = mail;
        this.clock = clock;
    }

    /** The empty form in {@code language} (ja when it is not one of the copy's languages). */
    public Page form(String municipalityId, String language, MailLinks links) {
        Optional<Municipality> town = mailTown(municipalityId);
        Copy copy = copy(language);
        if (town.isEmpty()) {
            return unavailable(copy);
        }
        return new Page(200, formPage(town.get(), copy, links, Map.of(), Map.of()));
    }

    /** A submitted form: the form again with messages, or the same "check your mailbox" page for every address. */
    public Page submit(String municipalityId, Map<String, String> fields, String sourceIp, MailLinks links) {
        Optional<Municipality> found = mailTown(municipalityId);
        Copy copy = copy(fields.get("lang"));
        if (found.isEmpty()) {
            return unavailable(copy);
        }
        Municipality town = found.get();
        Instant now = clock.instant();
        MailLinks.Check form = links.check(fields.get("token"), Purpose.SIGNUP_FORM, now);
        if (!(form instanceof MailLinks.Valid valid) || !valid.token().municipalityId().equals(town.municipalityId())) {
            return new Page(400, formPage(town, copy, links, fields, Map.of("form", new Problem("error.form"))));
        }
        if (counters.increment("signup-source#" + links.digest(String.valueOf(sourceIp)), Duration.ofHours(1), now)
                > SIGNUPS_PER_SOURCE_PER_HOUR) {
            return simple(429, copy, "busy.title", "busy.text");
        }
        SignupForm signup = SignupForm.from(fields);
        LocalDate today = LocalDate.ofInstant(now, ProgramSchedule.ZONE);
        Map<String, Problem> problems = signup.problems(today, town.endBirthday());
        if (!problems.isEmpty()) {
            return new Page(400, formPage(town, copy, links, fields, problems));
        }
        String readerId = Reader.idFor(town.municipalityId(), Channel.EMAIL, signup.email());
        if (counters.increment("signup-address#" + readerId, Duration.ofDays(1), now) > MAILS_PER_ADDRESS_PER_DAY) {
            // the same page as a successful signup: a limit must not tell whether the address is known
            LOG.info("signup for reader {} of municipality {} over its daily limit: no mail", readerId,
                    town.municipalityId());
            return sentPage(copy);
        }
        try {
            register(town, signup, today, now, links);
        } catch (RetryableSendException | MailSender.MailRejectedException e) {
            LOG.warn("confirmation mail of municipality {} not sent: {}", town.municipalityId(), e.getMessage());
            return simple(503, copy, "busy.title", "busy.text");
        }
        return sentPage(copy);
    }

    private void register(Municipality town, SignupForm signup, LocalDate today, Instant now, MailLinks links) {
        Optional<Reader> known = readers.findByAddress(town.municipalityId(), Channel.EMAIL, signup.email());
        ReaderStatus status = known.map(Reader::status).orElse(null);
        if (status == ReaderStatus.UNREACHABLE) {
            // the address bounced for good or complained: SES must not be asked to mail it again
            LOG.info("signup for unreachable reader {} of municipality {}: no mail", known.get().readerId(),
                    town.municipalityId());
            return;
        }
        if (status == ReaderStatus.ACTIVE || status == ReaderStatus.PAUSED) {
            Reader reader = known.get();
            Copy mailCopy = Copy.of("mail", reader.language());
            String settings = links.settingsUrl(town.municipalityId(), reader.readerId(), now);
            send(town, reader, mailCopy.text("already.subject", town.name()), mailCopy.text("already.text", town.name(),
                    settings));
            return;
        }
        String nonce = HexFormat.of().formatHex(randomBytes());
        Reader base = known.orElseGet(() -> Reader.newcomer(town.municipalityId(), Channel.EMAIL, signup.email(), now));
        Child child = (SignupForm.PREGNANCY.equals(signup.kind())
                ? Child.expected("c1", signup.anchor().orElseThrow())
                : Child.born("c1", signup.anchor().orElseThrow())).withAddedOn(today);
        Reader pending = base.withStatus(ReaderStatus.REGISTERING).withRole(signup.parsedRole())
                .withLanguage(signup.language()).withChildren(List.of(child))
                .withConversation(Map.of(CONFIRM_NONCE, nonce));
        Reader saved = readers.save(pending);
        Copy mailCopy = Copy.of("mail", saved.language());
        String confirm = links.confirmUrl(town.municipalityId(), saved.readerId(), nonce, now);
        send(town, saved, mailCopy.text("confirm.subject", town.name()), mailCopy.text("confirm.text", town.name(), confirm));
    }

    private void send(Municipality town, Reader reader, String subject, String text) {
        String html = "<!DOCTYPE html>\n<html lang=\"" + escape(reader.language()) + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<title>" + escape(subject) + "</title>\n</head>\n<body>\n<p>"
                + linked(escape(text)).replace("\n", "<br>\n") + "</p>\n</body>\n</html>\n";
        mail.send(new MailSender.Mail(town.name(), town.senderEmail(), reader.address(), subject, text, html, null,
                MailTags.of(town.municipalityId(), reader.readerId())));
    }

    /** The one link of a confirmation text, made clickable; it is ours and already escaped. */
    private static String linked(String escapedText) {
        return escapedText.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
    }

    /** The confirmation link opened: a page with one button, because mail scanners open links but press nothing. */
    public Page confirmPage(String token, MailLinks links) {
        return withPending(token, links, (town, reader, copy) -> {
            PageHtml page = new PageHtml(copy, copy.text("confirm.title")).heading()
                    .paragraph(copy.text("confirm.text"))
                    .button(links.baseUrl() + "/mail/confirm", copy.text("submit.confirm"), false, "t", token);
            return new Page(200, page.render());
        });
    }

    /** The confirmation button: the pending reader becomes ACTIVE from today, once. */
    public Page confirm(String token, MailLinks links) {
        return withPending(token, links, (town, reader, copy) -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ProgramSchedule.ZONE);
            Reader active = reader.withStatus(ReaderStatus.ACTIVE).withRegisteredOn(today).withConversation(Map.of())
                    .withChildren(reader.children().stream().map(c -> c.withAddedOn(today)).toList());
            try {
                readers.save(active);
            } catch (ReaderStore.ConcurrentChangeException e) {
                // a second press or a new signup of the same address came first: this link is spent
                return simple(409, copy, "link.invalid.title", "link.invalid.text");
            }
            LOG.info("reader {} of municipality {} confirmed the e-mail signup", reader.readerId(),
                    town.municipalityId());
            return simple(200, copy, "confirmed.title", "confirmed.text", town.name(), town.deliveryHour());
        });
    }

    private interface PendingAction {
        Page apply(Municipality town, Reader reader, Copy copy);
    }

    /** The action on the pending reader the token names, or the page telling why the link is spent. */
    private Page withPending(String token, MailLinks links, PendingAction action) {
        Copy fallback = copy(null);
        MailLinks.Check check = links.check(token, Purpose.CONFIRM, clock.instant());
        if (check instanceof MailLinks.Expired) {
            return simple(410, fallback, "link.expired.title", "link.expired.text");
        }
        if (!(check instanceof MailLinks.Valid valid)) {
            return simple(400, fallback, "link.invalid.title", "link.invalid.text");
        }
        MailLinks.Token t = valid.token();
        Optional<Municipality> town = mailTown(t.municipalityId());
        Optional<Reader> reader = readers.find(t.municipalityId(), t.readerId());
        if (town.isEmpty() || reader.isEmpty()) {
            return simple(400, fallback, "link.invalid.title", "link.invalid.text");
        }
        Copy copy = copy(reader.get().language());
        if (reader.get().status() == ReaderStatus.REGISTERING
                && t.nonce().equals(reader.get().conversation().get(CONFIRM_NONCE))) {
            return action.apply(town.get(), reader.get(), copy);
        }
        if (reader.get().status() == ReaderStatus.ACTIVE) {
            return simple(200, copy, "already.title", "already.text");
        }
        return simple(400, copy, "link.invalid.title", "link.invalid.text");
    }

    private String formPage(Municipality town, Copy copy, MailLinks links, Map<String, String> fields,
            Map<String, Problem> problems) {
        String token = links.issue(Purpose.SIGNUP_FORM, town.municipalityId(), "-", "-", clock.instant());
        PageHtml page = new PageHtml(copy, copy.text("title.signup", town.name()));
        StringBuilder nav = new StringBuilder("<nav>");
        for (String language : Copy.LANGUAGES) {
            nav.append(language.equals(copy.language()) ? "<strong>" : "<a href=\"?lang=" + escape(language) + "\">")
                    .append(escape(Copy.of(COPY, language).text("page.lang")))
                    .append(language.equals(copy.language()) ? "</strong>" : "</a>");
        }
        page.raw(nav.append("</nav>\n").toString()).heading().paragraph(copy.text("intro", town.name()));
        if (!problems.isEmpty()) {
            page.notice(copy.text("error.title"), true);
        }
        Problem formProblem = problems.get("form");
        if (formProblem != null) {
            page.notice(copy.text(formProblem.key()), true);
        }
        StringBuilder form = new StringBuilder("<form method=\"post\" id=\"signup\">\n")
                .append(PageHtml.hidden("token", token))
                .append(PageHtml.hidden("lang", copy.language()));
        form.append("<label for=\"email\">").append(escape(copy.text("field.email"))).append("</label>\n")
                .append(problem(copy, problems, "email"))
                .append("<input type=\"email\" id=\"email\" name=\"email\" required maxlength=\"254\" autocomplete=\"email\"")
                .append(" value=\"").append(escape(value(fields, "email"))).append("\">\n");
        form.append("<fieldset>\n<legend>").append(escape(copy.text("field.kind"))).append("</legend>\n")
                .append(problem(copy, problems, "kind"));
        for (String kind : List.of(SignupForm.PREGNANCY, SignupForm.CHILD)) {
            form.append("<label class=\"choice\"><input type=\"radio\" name=\"kind\" value=\"").append(kind).append("\"")
                    .append(kind.equals(fields.get("kind")) ? " checked" : "").append(" required> ")
                    .append(escape(copy.text("kind." + kind))).append("</label>\n");
        }
        form.append("</fieldset>\n");
        form.append("<label for=\"date\">").append(escape(copy.text("field.date"))).append("</label>\n")
                .append(problem(copy, problems, "date"))
                .append("<input type=\"date\" id=\"date\" name=\"date\" required value=\"")
                .append(escape(value(fields, "date"))).append("\">\n");
        form.append("<label for=\"role\">").append(escape(copy.text("field.role"))).append("</label>\n")
                .append(problem(copy, problems, "role"))
                .append("<select id=\"role\" name=\"role\" required>\n");
        for (Role role : Role.values()) {
            form.append(option(role.name(), copy.text("role." + role.name()), role.name().equals(fields.get("role"))));
        }
        form.append("</select>\n");
        String chosenLanguage = fields.getOrDefault("language", copy.language());
        form.append("<label for=\"language\">").append(escape(copy.text("field.language"))).append("</label>\n")
                .append(problem(copy, problems, "language"))
                .append("<select id=\"language\" name=\"language\">\n");
        for (String language : Copy.LANGUAGES) {
            form.append(option(language, Copy.of(COPY, language).text("page.lang"), language.equals(chosenLanguage)));
        }
        form.append("</select>\n");
        form.append("<h2>").append(escape(copy.text("consent.title"))).append("</h2>\n<div class=\"consent\"><p>")
                .append(escape(copy.text("consent.text", town.name()))).append("</p></div>\n")
                .append(problem(copy, problems, "consent"))
                .append("<label class=\"choice\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\" required")
                .append("yes".equals(fields.get("consent")) ? " checked" : "").append("> ")
                .append(escape(copy.text("consent.check"))).append("</label>\n");
        form.append("<button type=\"submit\">").append(escape(copy.text("submit.signup"))).append("</button>\n</form>\n");
        return page.raw(form.toString()).render();
    }

    private static String problem(Copy copy, Map<String, Problem> problems, String field) {
        Problem problem = problems.get(field);
        return problem == null ? "" : "<p class=\"problem\" id=\"" + field + "-problem\" role=\"alert\">"
                + escape(copy.text(problem.key(), problem.arguments())) + "</p>\n";
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + escape(value) + "\"" + (selected ? " selected" : "") + ">" + escape(label)
                + "</option>\n";
    }

    private static String value(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }

    /** A fault on the way: nothing the visitor can fix, so "try again later" rather than an error page. */
    public Page busy() {
        return simple(503, copy(null), "busy.title", "busy.text");
    }

    /** A form body that is not one (too large, not URL-encoded). */
    public Page badRequest() {
        return simple(400, copy(null), "link.invalid.title", "link.invalid.text");
    }

    public Page notFound() {
        return unavailable(copy(null));
    }

    private Page sentPage(Copy copy) {
        return simple(200, copy, "sent.title", "sent.text");
    }

    private static Page unavailable(Copy copy) {
        return simple(404, copy, "unavailable.title", "unavailable.text");
    }

    static Page simple(int status, Copy copy, String titleKey, String textKey, Object... arguments) {
        return new Page(status, new PageHtml(copy, copy.text(titleKey)).heading()
                .paragraph(copy.text(textKey, arguments)).render());
    }

    /** A town whose e-mail channel is on: active, with a sender address. */
    private Optional<Municipality> mailTown(String municipalityId) {
        if (municipalityId == null || municipalityId.isBlank() || municipalityId.length() > 64) {
            return Optional.empty();
        }
        return towns.find(municipalityId).filter(Municipality::active).filter(t -> t.senderEmail() != null);
    }

    static Copy copy(String language) {
        return Copy.of(COPY, language != null && Copy.LANGUAGES.contains(language) ? language : Copy.FALLBACK);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }
}
