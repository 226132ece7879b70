package io.gridsteward.api.fund;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.JsonFields;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.FreeText;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimRequest;
import io.gridsteward.domain.fund.FiscalYear;
import io.gridsteward.domain.fund.FundKind;
import io.gridsteward.domain.fund.Purpose;
import io.gridsteward.domain.fund.ReceiptKey;
import io.gridsteward.domain.fund.ServedWork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of the fund endpoints, read in two passes: first their shape (a 400 naming every missing, mistyped or
 * unknown field — an amount must be a JSON integer of fen, so {@code 12.5} or a number beyond 64 bits is refused
 * here), then their values (a 422 naming every field the domain refuses: zero or negative amounts, more than
 * {@link Money#MAXIMUM_FEN}, a currency other than CNY, an unknown kind).
 */
final class FundBodies {

    private FundBodies() {}

    record OpenAccount(FundKind kind, FiscalYear fiscalYear, OrganisationId holder) {}

    record Allocation(Money amount, Optional<String> reason) {}

    record Transfer(AccountId to, Money amount, Optional<String> reason) {}

    record Delegation(String taskCode, OrganisationId community, FiscalYear fiscalYear, Money funding) {}

    record Submission(AccountId account, ClaimRequest request) {}

    /** The fields of a claim's step: each step reads its own and refuses the others. */
    record Step(Optional<Money> amount, Optional<String> text, List<ReceiptKey> receipts) {}

    static OpenAccount openAccount(ObjectMapper mapper, String body) {
        JsonFields json = shape(mapper, body, "kind", "fiscalYear", "holderOrgId");
        String kind = json.requiredText("kind");
        Long year = json.requiredInteger("fiscalYear");
        String holder = json.requiredText("holderOrgId");
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        FundKind fundKind = errors.value("kind", () -> fundKind(kind));
        FiscalYear fiscalYear = errors.value("fiscalYear", () -> fiscalYear(year));
        OrganisationId holderId = errors.value("holderOrgId", () -> new OrganisationId(holder));
        errors.throwIfAny();
        return new OpenAccount(fundKind, fiscalYear, holderId);
    }

    static Allocation allocation(ObjectMapper mapper, String body) {
        JsonFields json = shape(mapper, body, "amountFen", "currency", "reason");
        Long amount = json.requiredInteger("amountFen");
        String currency = json.optionalText("currency");
        String reason = json.optionalText("reason");
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        Money money = amount(errors, "amountFen", amount, currency);
        Optional<String> note = text(errors, "reason", reason);
        errors.throwIfAny();
        return new Allocation(money, note);
    }

    static Transfer transfer(ObjectMapper mapper, String body) {
        JsonFields json = shape(mapper, body, "toAccountId", "amountFen", "currency", "reason");
        String to = json.requiredText("toAccountId");
        Long amount = json.requiredInteger("amountFen");
        String currency = json.optionalText("currency");
        String reason = json.optionalText("reason");
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        AccountId toAccount = errors.value("toAccountId", () -> new AccountId(to));
        Money money = amount(errors, "amountFen", amount, currency);
        Optional<String> note = text(errors, "reason", reason);
        errors.throwIfAny();
        return new Transfer(toAccount, money, note);
    }

    static AccountId carryOver(ObjectMapper mapper, String body) {
        JsonFields json = shape(mapper, body, "toAccountId");
        String to = json.requiredText("toAccountId");
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        AccountId toAccount = errors.value("toAccountId", () -> new AccountId(to));
        errors.throwIfAny();
        return toAccount;
    }

    static Delegation delegation(ObjectMapper mapper, String body) {
        JsonFields json = shape(mapper, body, "taskCode", "communityId", "fiscalYear", "fundingFen", "currency");
        String task = json.requiredText("taskCode");
        String community = json.requiredText("communityId");
        Long year = json.requiredInteger("fiscalYear");
        Long funding = json.requiredInteger("fundingFen");
        String currency = json.optionalText("currency");
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        String taskCode = errors.value("taskCode", () -> new Purpose(task).code());
        OrganisationId communityId = errors.value("communityId", () -> new OrganisationId(community));
        FiscalYear fiscalYear = errors.value("fiscalYear", () -> fiscalYear(year));
        Money money = amount(errors, "fundingFen", funding, currency);
        errors.throwIfAny();
        return new Delegation(taskCode, communityId, fiscalYear, money);
    }

    static Submission submission(ObjectMapper mapper, String body) {
        JsonFields json = shape(mapper, body, "accountId", "amountFen", "currency", "purpose", "served", "receiptKeys");
        String account = json.requiredText("accountId");
        Long amount = json.requiredInteger("amountFen");
        String currency = json.optionalText("currency");
        String purpose = json.requiredText("purpose");
        JsonFields served = json.requiredObject("served");
        String servedKind = null;
        String servedId = null;
        if (served != null) {
            served.rejectFieldsOtherThan(Set.of("kind", "id"));
            servedKind = served.requiredText("kind");
            servedId = served.requiredText("id");
        }
        List<String> receipts = json.optionalTextArray("receiptKeys");
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        AccountId accountId = errors.value("accountId", () -> new AccountId(account));
        Money money = amount(errors, "amountFen", amount, currency);
        Purpose purposeCode = errors.value("purpose", () -> new Purpose(purpose));
        String kind = servedKind;
        String reference = servedId;
        ServedWork work = errors.value("served", () -> new ServedWork(servedKind(kind), reference));
        List<ReceiptKey> keys = receipts(errors, receipts);
        errors.throwIfAny();
        return new Submission(accountId, new ClaimRequest(money, purposeCode, work, keys));
    }

    /** A field a step's body reads, and whether the step needs it. */
    record Field(String name, boolean required) {

        static Field required(String name) {
            return new Field(name, true);
        }

        static Field optional(String name) {
            return new Field(name, false);
        }
    }

    /** What a claim step's body may hold: an amount (with its currency), a note or reason, receipt keys. */
    record StepFields(Optional<Field> amount, Optional<Field> text, boolean receipts) {

        /** A step whose body is {@code {}}. */
        static final StepFields NONE = new StepFields(Optional.empty(), Optional.empty(), false);

        StepFields withAmount(Field amount) {
            return new StepFields(Optional.of(amount), text, receipts);
        }

        StepFields withText(Field text) {
            return new StepFields(amount, Optional.of(text), receipts);
        }

        StepFields withReceipts() {
            return new StepFields(amount, text, true);
        }
    }

    /** A step's body, holding only the {@code fields} the step reads; an absent or blank body is {@code {}}. */
    static Step step(ObjectMapper mapper, String body, StepFields fields) {
        Optional<String> amountField = fields.amount().map(Field::name);
        Optional<String> textField = fields.text().map(Field::name);
        boolean takesReceipts = fields.receipts();
        List<String> known = new ArrayList<>();
        amountField.ifPresent(field -> known.addAll(List.of(field, "currency")));
        textField.ifPresent(known::add);
        if (takesReceipts) {
            known.add("receiptKeys");
        }
        JsonFields json = shape(mapper, body == null || body.isBlank() ? "{}" : body, known.toArray(String[]::new));
        Long amount = fields.amount()
                .map(field -> field.required()
                        ? json.requiredInteger(field.name())
                        : json.optionalPositiveInteger(field.name()))
                .orElse(null);
        String currency = amountField.isPresent() ? json.optionalText("currency") : null;
        String text = fields.text()
                .map(field -> field.required() ? json.requiredText(field.name()) : json.optionalText(field.name()))
                .orElse(null);
        List<String> receipts = takesReceipts ? json.optionalTextArray("receiptKeys") : List.of();
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        Optional<Money> money = amount == null
                ? Optional.empty()
                : Optional.ofNullable(amount(errors, amountField.get(), amount, currency));
        if (amount == null && currency != null) {
            errors.add("currency", "is given without an amount");
        }
        Optional<String> note = textField.flatMap(field -> text(errors, field, text));
        List<ReceiptKey> keys = receipts(errors, receipts);
        errors.throwIfAny();
        return new Step(money, note, keys);
    }

    static String contentType(ObjectMapper mapper, String body) {
        JsonFields json = shape(mapper, body, "contentType");
        String contentType = json.requiredText("contentType");
        json.throwIfMalformed();
        FieldErrors errors = new FieldErrors();
        if (!Set.of("image/jpeg", "image/png", "application/pdf").contains(contentType)) {
            errors.add("contentType", "must be image/jpeg, image/png or application/pdf");
        }
        errors.throwIfAny();
        return contentType;
    }

    static String extensionOf(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "pdf";
        };
    }

    private static JsonFields shape(ObjectMapper mapper, String body, String... known) {
        JsonFields json = JsonFields.parse(mapper, body);
        json.rejectFieldsOtherThan(Set.copyOf(Arrays.asList(known)));
        return json;
    }

    /** An amount of whole fen in CNY, more than zero and at most {@link Money#MAXIMUM_FEN}; null when refused. */
    private static Money amount(FieldErrors errors, String field, Long fen, String currency) {
        if (currency != null) {
            errors.value("currency", () -> {
                Money.requireCurrency("", currency);
                return currency;
            });
        }
        return fen == null ? null : errors.value(field, () -> Money.positive("", fen));
    }

    private static Optional<String> text(FieldErrors errors, String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(errors.value(
                field, () -> FreeText.require(text, Claim.MAXIMUM_REASON_LENGTH).strip()));
    }

    private static List<ReceiptKey> receipts(FieldErrors errors, List<String> keys) {
        if (keys.size() > ClaimRequest.MAXIMUM_RECEIPTS) {
            errors.add("receiptKeys", "a claim has at most %d receipts".formatted(ClaimRequest.MAXIMUM_RECEIPTS));
            return List.of();
        }
        List<ReceiptKey> receipts = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            String key = keys.get(index);
            ReceiptKey receipt = errors.value("receiptKeys[" + index + "]", () -> new ReceiptKey(key));
            if (receipt != null) {
                receipts.add(receipt);
            }
        }
        return receipts;
    }

    private static FundKind fundKind(String kind) {
        try {
            return FundKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.ofValue("must be one of " + Arrays.toString(FundKind.values()));
        }
    }

    private static ServedWork.Kind servedKind(String kind) {
        try {
            return ServedWork.Kind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of("kind", "must be one of " + Arrays.toString(ServedWork.Kind.values()));
        }
    }

    private static FiscalYear fiscalYear(Long year) {
        if (year > FiscalYear.LATEST || year < FiscalYear.EARLIEST) {
            throw ValidationException.ofValue(
                    "must be a year from %d to %d".formatted(FiscalYear.EARLIEST, FiscalYear.LATEST));
        }
        return new FiscalYear(year.intValue());
    }
}
