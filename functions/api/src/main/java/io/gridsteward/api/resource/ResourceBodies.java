package io.gridsteward.api.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.JsonFields;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.Identifiers;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.resource.EvidenceKey;
import io.gridsteward.domain.resource.FollowUpOutcome;
import io.gridsteward.domain.resource.FundReference;
import io.gridsteward.domain.resource.Milestone;
import io.gridsteward.domain.resource.ProjectPlan;
import io.gridsteward.domain.resource.Provision;
import io.gridsteward.domain.resource.Reason;
import io.gridsteward.domain.resource.ResourceKind;
import io.gridsteward.domain.resource.Title;
import io.gridsteward.domain.resource.Validity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request bodies of the resource routes. Each is parsed in two passes: its shape (missing fields, wrong types,
 * unknown fields: one 400 naming them all), then its values (one 422 naming every invalid field), before anything
 * is read or written.
 */
final class ResourceBodies {

    private ResourceBodies() {}

    /** {@code POST /v1/resources/offers}. */
    @Schema(
            name = "PublishOffer",
            description = "An offer into a town's pool, by the caller's unit, department or community.")
    record OfferBody(
            @Schema(required = true, examples = "town-east") String townId,
            @Schema(required = true) String title,

            @Schema(
                    required = true,
                    enumeration = {"VENUE", "EQUIPMENT", "VOLUNTEERS", "SERVICES", "MONEY"})
            String kind,

            @Schema(required = true, description = "Places, pieces, people, sessions, or fen for MONEY")
            Long quantity,

            @Schema(description = "The value of one unit in fen (1 for MONEY, the default; 0 when absent otherwise)")
            Long unitValueFen,

            @Schema(required = true, examples = "2026-12-01T00:00:00Z")
            String validFrom,

            @Schema(required = true, examples = "2027-01-01T00:00:00Z")
            String validUntil) {

        static OfferBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(
                    Set.of("townId", "title", "kind", "quantity", "unitValueFen", "validFrom", "validUntil"));
            OfferBody parsed = new OfferBody(
                    fields.requiredText("townId"),
                    fields.requiredText("title"),
                    fields.requiredText("kind"),
                    fields.requiredInteger("quantity"),
                    fields.optionalInteger("unitValueFen"),
                    fields.requiredText("validFrom"),
                    fields.requiredText("validUntil"));
            fields.throwIfMalformed();
            return parsed;
        }

        Offer values() {
            FieldErrors errors = new FieldErrors();
            OrganisationId town = errors.value("townId", () -> new OrganisationId(townId));
            Title parsedTitle = errors.value("title", () -> new Title(title));
            Provision provision = provision(errors, kind, quantity, unitValueFen);
            Validity validity = validity(errors, validFrom, validUntil);
            errors.throwIfAny();
            return new Offer(town, parsedTitle, provision, validity);
        }

        record Offer(OrganisationId town, Title title, Provision provision, Validity validity) {}
    }

    /** {@code POST /v1/resources/demands}. */
    @Schema(
            name = "RaiseDemand",
            description =
                    "A demand of a community or a grid; a small wish names its residents and waits for verification.")
    record DemandBody(
            @Schema(required = true, description = "The community or grid in need", examples = "grid-river-1")
            String placeId,

            @Schema(required = true) String title,

            @Schema(
                    required = true,
                    enumeration = {"VENUE", "EQUIPMENT", "VOLUNTEERS", "SERVICES", "MONEY"})
            String kind,

            @Schema(required = true) Long quantity,
            Long unitValueFen,
            @Schema(required = true) String validFrom,
            @Schema(required = true) String validUntil,

            @Schema(description = "A resident's small wish (微心愿), entered by their grid worker")
            Boolean smallWish,

            @Schema(description = "Pseudonymous user ids of the residents served (required for a small wish)")
            List<String> beneficiaryIds) {

        static DemandBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of(
                    "placeId",
                    "title",
                    "kind",
                    "quantity",
                    "unitValueFen",
                    "validFrom",
                    "validUntil",
                    "smallWish",
                    "beneficiaryIds"));
            DemandBody parsed = new DemandBody(
                    fields.requiredText("placeId"),
                    fields.requiredText("title"),
                    fields.requiredText("kind"),
                    fields.requiredInteger("quantity"),
                    fields.optionalInteger("unitValueFen"),
                    fields.requiredText("validFrom"),
                    fields.requiredText("validUntil"),
                    fields.optionalBoolean("smallWish"),
                    fields.optionalTextArray("beneficiaryIds"));
            fields.throwIfMalformed();
            return parsed;
        }

        Demand values() {
            FieldErrors errors = new FieldErrors();
            OrganisationId place = errors.value("placeId", () -> new OrganisationId(placeId));
            Title parsedTitle = errors.value("title", () -> new Title(title));
            Provision provision = provision(errors, kind, quantity, unitValueFen);
            Validity validity = validity(errors, validFrom, validUntil);
            errors.throwIfAny();
            return new Demand(place, parsedTitle, provision, validity);
        }

        record Demand(OrganisationId place, Title title, Provision provision, Validity validity) {}
    }

    /** {@code POST /v1/resources/offers/{id}/claims} and {@code POST /v1/resources/demands/{id}/claims}. */
    @Schema(
            name = "Claim",
            description =
                    "How much to claim; on a demand a party leader names the party group, a member the co-members.")
    record ClaimBody(
            @Schema(required = true) Long quantity,

            @Schema(description = "The party group a grid's party leader claims for (demands only)")
            String partyGroupId,

            @Schema(description = "Co-members of a joint claim (帮帮团), besides the member who sends it (demands only)")
            List<String> memberIds) {

        static ClaimBody parse(ObjectMapper mapper, String body, boolean demand) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(demand ? Set.of("quantity", "partyGroupId", "memberIds") : Set.of("quantity"));
            ClaimBody parsed = new ClaimBody(
                    fields.requiredInteger("quantity"),
                    fields.optionalText("partyGroupId"),
                    fields.optionalTextArray("memberIds"));
            fields.throwIfMalformed();
            return parsed;
        }

        Optional<String> partyGroup() {
            return Optional.ofNullable(partyGroupId);
        }
    }

    /** A withdrawal, rejection or decline: why. */
    @Schema(name = "Reason")
    record ReasonBody(@Schema(required = true) String reason) {

        static ReasonBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("reason"));
            ReasonBody parsed = new ReasonBody(fields.requiredText("reason"));
            fields.throwIfMalformed();
            return parsed;
        }

        Reason value() {
            return valueOf("reason", () -> new Reason(reason));
        }
    }

    /** {@code POST /v1/resources/claims/{id}/accept}: the project's plan. */
    @Schema(name = "AcceptClaim", description = "The plan of the project the claim becomes.")
    record AcceptBody(
            @Schema(required = true) String title,
            @Schema(required = true) String dueAt,
            List<MilestoneBody> milestones,

            @Schema(description = "The fund account or delegated task that pays for it")
            FundingBody funding) {

        static AcceptBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("title", "dueAt", "milestones", "funding"));
            List<MilestoneBody> milestones = new ArrayList<>();
            for (JsonFields milestone : fields.optionalObjectArray("milestones")) {
                milestone.rejectFieldsOtherThan(Set.of("title", "dueAt"));
                milestones.add(new MilestoneBody(milestone.requiredText("title"), milestone.requiredText("dueAt")));
            }
            JsonFields funding = fields.optionalObject("funding");
            FundingBody fundingBody = funding == null ? null : FundingBody.read(funding);
            AcceptBody parsed =
                    new AcceptBody(fields.requiredText("title"), fields.requiredText("dueAt"), milestones, fundingBody);
            fields.throwIfMalformed();
            return parsed;
        }

        ProjectPlan plan() {
            FieldErrors errors = new FieldErrors();
            Title parsedTitle = errors.value("title", () -> new Title(title));
            Instant due = instant(errors, "dueAt", dueAt);
            List<Milestone> planned = new ArrayList<>();
            for (int index = 0; index < milestones.size(); index++) {
                MilestoneBody milestone = milestones.get(index);
                String path = "milestones[" + index + "]";
                Title milestoneTitle = errors.value(path + ".title", () -> new Title(milestone.title()));
                Instant milestoneDue = instant(errors, path + ".dueAt", milestone.dueAt());
                if (milestoneTitle != null && milestoneDue != null) {
                    planned.add(Milestone.planned(milestoneTitle, milestoneDue));
                }
            }
            Optional<FundReference> fundReference =
                    funding == null ? Optional.empty() : Optional.ofNullable(errors.value("funding", funding::value));
            errors.throwIfAny();
            return valueOf("", () -> new ProjectPlan(parsedTitle, planned, due, fundReference));
        }
    }

    @Schema(name = "PlannedMilestone")
    record MilestoneBody(
            @Schema(required = true) String title,
            @Schema(required = true) String dueAt) {}

    /** {@code POST /v1/resources/projects/{id}/funding}, or a plan's funding. */
    @Schema(name = "Funding", description = "An opaque reference into the funds context.")
    record FundingBody(
            @Schema(
                    required = true,
                    enumeration = {"FUND_ACCOUNT", "DELEGATED_TASK"})
            String kind,

            @Schema(required = true) String id) {

        static FundingBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            FundingBody parsed = read(fields);
            fields.throwIfMalformed();
            return parsed;
        }

        static FundingBody read(JsonFields fields) {
            fields.rejectFieldsOtherThan(Set.of("kind", "id"));
            return new FundingBody(fields.requiredText("kind"), fields.requiredText("id"));
        }

        FundReference value() {
            FieldErrors errors = new FieldErrors();
            FundReference.Kind parsedKind = errors.value("kind", () -> enumValue(FundReference.Kind.class, kind));
            String parsedId = errors.value("id", () -> Identifiers.require(id));
            errors.throwIfAny();
            return new FundReference(parsedKind, parsedId);
        }
    }

    /** {@code POST /v1/resources/projects/{id}/milestones/{index}/done}. */
    @Schema(name = "MilestoneDone")
    record NoteBody(String note) {

        static NoteBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("note"));
            NoteBody parsed = new NoteBody(fields.optionalText("note"));
            fields.throwIfMalformed();
            return parsed;
        }

        Optional<Reason> value() {
            return note == null ? Optional.empty() : Optional.of(valueOf("note", () -> new Reason(note)));
        }
    }

    /** {@code POST /v1/resources/projects/{id}/evidence}. */
    @Schema(name = "EvidenceUpload", description = "The photo's media type: image/jpeg, image/png or image/webp.")
    record EvidenceBody(
            @Schema(required = true, examples = "image/jpeg")
            String contentType) {

        private static final Map<String, String> EXTENSIONS =
                Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

        static EvidenceBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("contentType"));
            EvidenceBody parsed = new EvidenceBody(fields.requiredText("contentType"));
            fields.throwIfMalformed();
            return parsed;
        }

        String extension() {
            String extension = EXTENSIONS.get(contentType);
            if (extension == null) {
                throw ValidationException.of(
                        "contentType",
                        "must be one of "
                                + EXTENSIONS.keySet().stream().sorted().toList());
            }
            return extension;
        }
    }

    /** {@code POST /v1/resources/projects/{id}/complete}. */
    @Schema(
            name = "CompleteProject",
            description =
                    "A note, 1-9 photos uploaded through this project's evidence URLs, and residents served besides the demand's.")
    record CompleteBody(
            @Schema(required = true) String note,
            @Schema(required = true) List<String> photoKeys,
            List<String> servedResidentIds) {

        static CompleteBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("note", "photoKeys", "servedResidentIds"));
            CompleteBody parsed = new CompleteBody(
                    fields.requiredText("note"),
                    fields.optionalTextArray("photoKeys"),
                    fields.optionalTextArray("servedResidentIds"));
            fields.throwIfMalformed();
            return parsed;
        }

        Reason noteValue() {
            return valueOf("note", () -> new Reason(note));
        }

        List<EvidenceKey> photos() {
            FieldErrors errors = new FieldErrors();
            List<EvidenceKey> photos = new ArrayList<>();
            for (int index = 0; index < photoKeys.size(); index++) {
                String key = photoKeys.get(index);
                Optional.ofNullable(errors.value("photoKeys[" + index + "]", () -> new EvidenceKey(key)))
                        .ifPresent(photos::add);
            }
            errors.throwIfAny();
            return photos;
        }
    }

    /** {@code POST /v1/resources/projects/{id}/ratings}. */
    @Schema(name = "RateProject")
    record RatingBody(
            @Schema(required = true, minimum = "1", maximum = "5")
            Long rating,

            String comment) {

        static RatingBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("rating", "comment"));
            RatingBody parsed = new RatingBody(fields.requiredInteger("rating"), fields.optionalText("comment"));
            fields.throwIfMalformed();
            return parsed;
        }

        int ratingValue() {
            if (rating < 1 || rating > 5) {
                throw ValidationException.of("rating", "must be between 1 and 5");
            }
            return rating.intValue();
        }

        Optional<Reason> commentValue() {
            return comment == null ? Optional.empty() : Optional.of(valueOf("comment", () -> new Reason(comment)));
        }
    }

    /** {@code POST /v1/resources/projects/{id}/follow-ups}. */
    @Schema(name = "FollowUp", description = "What the community's visit found.")
    record FollowUpBody(
            @Schema(
                    required = true,
                    enumeration = {"CONFIRMED", "TOKEN", "NOT_DONE"})
            String outcome,

            @Schema(required = true) String note) {

        static FollowUpBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("outcome", "note"));
            FollowUpBody parsed = new FollowUpBody(fields.requiredText("outcome"), fields.requiredText("note"));
            fields.throwIfMalformed();
            return parsed;
        }

        FollowUpOutcome outcomeValue() {
            return valueOf("outcome", () -> enumValue(FollowUpOutcome.class, outcome));
        }

        Reason noteValue() {
            return valueOf("note", () -> new Reason(note));
        }
    }

    /** {@code PUT /v1/resources/units/{unitId}/communities}. */
    @Schema(
            name = "UnitCommunities",
            description = "The communities the unit reported in to; replaces the previous declaration.")
    record UnitCommunitiesBody(@Schema(required = true) List<String> communityIds) {

        static UnitCommunitiesBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("communityIds"));
            UnitCommunitiesBody parsed = new UnitCommunitiesBody(fields.optionalTextArray("communityIds"));
            fields.throwIfMalformed();
            return parsed;
        }

        List<OrganisationId> values() {
            FieldErrors errors = new FieldErrors();
            List<OrganisationId> ids = new ArrayList<>();
            for (int index = 0; index < communityIds.size(); index++) {
                String id = communityIds.get(index);
                Optional.ofNullable(errors.value("communityIds[" + index + "]", () -> new OrganisationId(id)))
                        .ifPresent(ids::add);
            }
            errors.throwIfAny();
            return ids;
        }
    }

    private static Provision provision(FieldErrors errors, String kind, Long quantity, Long unitValueFen) {
        ResourceKind parsedKind = errors.value("kind", () -> enumValue(ResourceKind.class, kind));
        if (parsedKind == null) {
            return null;
        }
        long unitValue = unitValueFen != null ? unitValueFen : parsedKind == ResourceKind.MONEY ? 1 : 0;
        return errors.value("", () -> {
            if (Math.abs(unitValue) > Money.MAXIMUM_FEN) {
                throw ValidationException.of("unitValueFen", "must be at most %d fen".formatted(Money.MAXIMUM_FEN));
            }
            return new Provision(parsedKind, quantity, Money.ofFen(unitValue));
        });
    }

    private static Validity validity(FieldErrors errors, String from, String until) {
        Instant parsedFrom = instant(errors, "validFrom", from);
        Instant parsedUntil = instant(errors, "validUntil", until);
        return parsedFrom == null || parsedUntil == null
                ? null
                : errors.value("", () -> new Validity(parsedFrom, parsedUntil));
    }

    private static Instant instant(FieldErrors errors, String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            errors.add(field, "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
            return null;
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.ofValue("must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static <T> T valueOf(String field, Supplier<T> factory) {
        FieldErrors errors = new FieldErrors();
        T value = errors.value(field, factory);
        errors.throwIfAny();
        return value;
    }
}
