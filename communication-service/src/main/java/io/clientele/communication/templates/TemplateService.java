package io.clientele.communication.templates;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.contacts.Contact;
import io.clientele.communication.contacts.Contacts;
import io.clientele.communication.settings.CommunicationSettings;
import io.clientele.communication.settings.WorkspaceSettings;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.problem.PreconditionFailedException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Templates as staff manage them (M-4): saved only when every part renders, previewed with sample or real data. */
@Service
class TemplateService {

    private final MongoTemplate mongo;
    private final Templates templates;
    private final Contacts contacts;
    private final CommunicationSettings settings;
    private final Clock clock;

    TemplateService(MongoTemplate mongo, Templates templates, Contacts contacts, CommunicationSettings settings,
            Clock clock) {
        this.mongo = mongo;
        this.templates = templates;
        this.contacts = contacts;
        this.settings = settings;
        this.clock = clock;
    }

    List<TemplateDocument> list(Actor actor, String key, Channel channel, String language) {
        Criteria criteria = Criteria.where("workspaceId").is(actor.workspaceId().toString());
        if (key != null) {
            criteria = criteria.and("key").is(key);
        }
        if (channel != null) {
            criteria = criteria.and("channel").is(channel.name());
        }
        if (language != null) {
            criteria = criteria.and("language").is(language);
        }
        return mongo.find(new Query(criteria).with(Sort.by("key", "channel", "language")), TemplateDocument.class);
    }

    TemplateDocument get(Actor actor, UUID id) {
        TemplateDocument document = mongo.findOne(new Query(Criteria.where("_id").is(id.toString())
                .and("workspaceId").is(actor.workspaceId().toString())), TemplateDocument.class);
        if (document == null) {
            throw new NotFoundException("template", id);
        }
        return document;
    }

    TemplateDocument create(Actor actor, TemplateController.TemplateRequest request) {
        check(actor, request);
        Instant now = clock.instant();
        TemplateDocument document = new TemplateDocument(TimeOrderedIds.next().toString(), actor.workspaceId().toString(),
                request.key(), request.channel().name(), request.language(), request.name(), request.subject(),
                request.text(), request.html(), 1, now, now, actor.subject());
        try {
            return mongo.insert(document);
        } catch (DuplicateKeyException exists) {
            throw duplicate(request);
        }
    }

    TemplateDocument update(Actor actor, UUID id, TemplateController.TemplateRequest request, Long expectedVersion) {
        TemplateDocument current = get(actor, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException("The template is at version " + current.version() + ", not "
                    + expectedVersion + "; read it again");
        }
        check(actor, request);
        TemplateDocument changed = new TemplateDocument(current.id(), current.workspaceId(), request.key(),
                request.channel().name(), request.language(), request.name(), request.subject(), request.text(),
                request.html(), current.version() + 1, current.createdAt(), clock.instant(), actor.subject());
        try {
            var result = mongo.replace(new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version())),
                    changed);
            if (result.getMatchedCount() == 0) {
                throw new org.springframework.dao.OptimisticLockingFailureException("template changed meanwhile");
            }
            return changed;
        } catch (DuplicateKeyException exists) {
            throw duplicate(request);
        }
    }

    void delete(Actor actor, UUID id) {
        TemplateDocument document = get(actor, id);
        mongo.remove(new Query(Criteria.where("_id").is(document.id())), TemplateDocument.class);
    }

    TemplateController.Preview preview(Actor actor, UUID id, TemplateController.PreviewRequest request) {
        TemplateDocument document = get(actor, id);
        return preview(actor, Channel.valueOf(document.channel()), document.language(), document.subject(),
                document.text(), document.html(), request);
    }

    TemplateController.Preview preview(Actor actor, Channel channel, String language, String subject, String text,
            String html, TemplateController.PreviewRequest request) {
        WorkspaceSettings workspace = settings.of(actor.workspaceId());
        Locale locale = Locale.forLanguageTag(language == null ? workspace.defaultLanguage() : language);
        Instant now = clock.instant();
        Map<String, Object> model = TemplateModel.sample(workspace.timeZone(), locale, now);
        model.put("sender", Map.of("name", workspace.sender().emailName() == null ? "" : workspace.sender().emailName()));
        boolean sample = true;
        if (request != null && request.customerId() != null) {
            Contact contact = contacts.find(new CustomerRef(actor.workspaceId(), request.customerId()))
                    .filter(c -> !c.erased())
                    .orElseThrow(() -> new NotFoundException("customer", request.customerId()));
            Map<String, Object> real = TemplateModel.of(new TemplateModel.Customer(contact.firstName(), contact.lastName(),
                    contact.companyName()), null, null, null, null, workspace.sender().emailName(), workspace.timeZone(), locale);
            model.put("customer", real.get("customer"));
            sample = false;
        }
        if (request != null && request.variables() != null) {
            TemplateController.VariablesRequest given = request.variables();
            Map<String, Object> real = TemplateModel.of(new TemplateModel.Customer(null, null, null),
                    given.reservation() == null ? null : given.reservation().toReservation(), given.orderLink(), null,
                    given.custom(), workspace.sender().emailName(), workspace.timeZone(), locale);
            if (given.reservation() != null) {
                model.put("reservation", real.get("reservation"));
            }
            if (given.orderLink() != null) {
                model.put("orderLink", given.orderLink());
            }
            if (given.custom() != null) {
                model.put("custom", real.get("custom"));
            }
        }
        try {
            RenderedContent rendered = Templates.check(channel, subject, text, html, model);
            return new TemplateController.Preview(rendered.subject(), rendered.text(), rendered.html(),
                    channel == Channel.SMS ? SmsLength.of(rendered.text()) : null, sample);
        } catch (TemplateProblem problem) {
            throw invalid(problem);
        }
    }

    /** The rules of a template, then whether every part renders with sample values. */
    private void check(Actor actor, TemplateController.TemplateRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.channel() == Channel.EMAIL && (request.subject() == null || request.subject().isBlank())) {
            violations.add(new FieldViolation("subject", "required", "an e-mail template needs a subject"));
        }
        if (request.channel() == Channel.SMS && request.subject() != null) {
            violations.add(new FieldViolation("subject", "sms", "an SMS has no subject"));
        }
        if (request.channel() == Channel.SMS && request.html() != null) {
            violations.add(new FieldViolation("html", "sms", "an SMS has no HTML body"));
        }
        if (request.channel() == Channel.SMS && request.text() != null && request.text().length() > 1600) {
            violations.add(new FieldViolation("text", "size", "an SMS template may have at most 1600 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        WorkspaceSettings workspace = settings.of(actor.workspaceId());
        Locale locale = Locale.forLanguageTag(request.language());
        try {
            Templates.check(request.channel(), request.subject(), request.text(), request.html(),
                    TemplateModel.sample(workspace.timeZone(), locale, clock.instant()));
        } catch (TemplateProblem problem) {
            throw invalid(problem);
        }
    }

    static InvalidInputException invalid(TemplateProblem problem) {
        return problem.asInvalidInput("");
    }

    private static ConflictException duplicate(TemplateController.TemplateRequest request) {
        return ConflictException.onField("duplicate-template", "Template exists", "key", "this workspace already has a "
                + request.channel() + " template '" + request.key() + "' in language " + request.language());
    }
}
