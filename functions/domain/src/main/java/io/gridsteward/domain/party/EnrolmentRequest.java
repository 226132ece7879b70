package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.FreeText;
import io.gridsteward.domain.core.OrganisationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a report-in says: who, of which kind, the workplace unit of an in-service member, skills and preferred kinds
 * of service, and a contact (a phone, or a unit's contact person): personal data, kept on the enrolment only.
 */
public record EnrolmentRequest(
        EnrolleeKind kind,
        Optional<OrganisationId> workplaceUnit,
        List<String> skills,
        List<ActivityKind> preferredKinds,
        Optional<String> contact) {

    public static final int MAXIMUM_SKILLS = 10;
    public static final int MAXIMUM_SKILL_LENGTH = 40;
    public static final int MAXIMUM_CONTACT_LENGTH = 80;

    public EnrolmentRequest {
        requireNonNull(kind, "kind");
        requireNonNull(workplaceUnit, "workplaceUnit");
        skills = List.copyOf(skills);
        preferredKinds = List.copyOf(preferredKinds);
        requireNonNull(contact, "contact");
        FieldErrors errors = new FieldErrors();
        if (kind == EnrolleeKind.IN_SERVICE_MEMBER && workplaceUnit.isEmpty()) {
            errors.add("workplaceUnitId", "is required for an in-service member");
        }
        if (kind == EnrolleeKind.UNIT && workplaceUnit.isPresent()) {
            errors.add("workplaceUnitId", "a unit has no workplace unit");
        }
        if (kind == EnrolleeKind.UNIT && contact.isEmpty()) {
            errors.add("contact", "a unit names a contact");
        }
        if (skills.size() > MAXIMUM_SKILLS) {
            errors.add("skills", "at most %d".formatted(MAXIMUM_SKILLS));
        }
        List<String> normalisedSkills = new ArrayList<>();
        for (int index = 0; index < skills.size(); index++) {
            String skill = skills.get(index);
            normalisedSkills.add(
                    errors.value("skills[" + index + "]", () -> FreeText.require(skill, MAXIMUM_SKILL_LENGTH)));
        }
        Optional<String> givenContact = contact;
        contact =
                givenContact.map(text -> errors.value("contact", () -> FreeText.require(text, MAXIMUM_CONTACT_LENGTH)));
        errors.throwIfAny();
        skills = List.copyOf(normalisedSkills);
    }
}
