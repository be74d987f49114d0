package io.clientele.customer.imports;

import static io.clientele.customer.imports.Importer.id;
import static io.clientele.customer.imports.Importer.progress;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** C-9: importing customers from CSV files of several systems and encodings, and from JSON rows. */
@CustomerServiceIT
class ImportIT {

    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportProperties imports;

    UUID workspace;
    Api staff;
    Importer importer;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        importer = new Importer(staff);
    }

    @Test
    void theStandardColumnsImportWithBadRowsReportedAndTheRestWritten() {
        String csv = """
                name,email,phone,status,marketing_consent
                Jana Nováková,jana@example.cz,+420 777 123 456,REGULAR,yes
                Petr Svoboda,not-an-email,602 111 222,NEW,no
                Eva Černá,eva@example.cz,12,,yes
                Tomáš Dvořák,tomas@example.cz,,BLOCKED,
                ,,,,
                Lucie Malá,lucie@example.cz,,SOMETIMES,maybe
                """;

        Map<String, Object> result = importer.upload("clients.csv", csv);

        assertThat(result.get("status")).isEqualTo("COMPLETED");
        assertThat(result.get("layout")).isEqualTo("STANDARD");
        assertThat(progress(result)).containsEntry("rowsRead", 5).containsEntry("created", 2)
                .containsEntry("updated", 0).containsEntry("rejected", 3);
        Map<String, Object> jana = customerByEmail("jana@example.cz");
        assertThat(jana).containsEntry("firstName", "Jana").containsEntry("lastName", "Nováková")
                .containsEntry("phone", "+420777123456").containsEntry("status", "REGULAR")
                .containsEntry("subscriptionState", "SUBSCRIBED").containsEntry("source", "IMPORT");
        assertThat(customerByEmail("tomas@example.cz")).containsEntry("status", "BLOCKED")
                .containsEntry("subscriptionState", "UNSUBSCRIBED");

        List<Map<String, Object>> rejected = importer.rejections(id(result));
        assertThat(rejected).extracting(r -> r.get("rowNumber")).containsExactly(3, 4, 7);
        assertThat(reasonFields(rejected.get(0))).containsExactly("email");
        assertThat(reasonFields(rejected.get(1))).containsExactly("phone");
        assertThat(reasonFields(rejected.get(2))).containsExactlyInAnyOrder("status", "marketingConsent");
        assertThat(rejected.get(0).get("cells")).isEqualTo(Map.of("name", "Petr Svoboda", "email", "not-an-email",
                "phone", "602 111 222", "status", "NEW", "marketing_consent", "no"));
        assertThat(staff.json("/api/v1/customers?q=svoboda").get("items")).asList().isEmpty();
    }

    @Test
    void theRejectionReportDownloadsAsCsvReadyToFixAndImportAgain() {
        Map<String, Object> result = importer.upload("clients.csv", """
                name;email;phone
                Petr Svoboda;petr@@example.cz;602 111 222
                "Nováková; Jana";jana2@example.cz;12
                """, StandardCharsets.UTF_8, Map.of());

        String report = staff.get("/api/v1/imports/{id}/rejections.csv", id(result)).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"clients-rejected.csv\"")
                .returnResult(String.class).getResponseBody();

        assertThat(report).startsWith("\uFEFFrow;reasons;name;email;phone");
        assertThat(report).contains("2;email: 'petr@@example.cz' is not an e-mail address;Petr Svoboda;petr@@example.cz;602 111 222");
        assertThat(report).contains("3;\"phone: '12' is not a valid phone number; include the country prefix, e.g."
                + " +420 777 123 456\";\"Nováková; Jana\";jana2@example.cz;12");
    }

    @Test
    void aReservioExportInWindows1250WithCzechHeadersIsRecognised() {
        String export = """
                Jméno;Příjmení;E-mail;Telefon;Souhlas se zasíláním obchodních sdělení;Poznámka;Počet rezervací
                Kateřina;Horáková;katerina@example.cz;777 222 333;Ano;"Alergie na latex;
                pozor při ošetření";4
                Jiří;Černý;jiri@example.cz;+420 602 333 444;Ne;;1
                """;

        Map<String, Object> result = importer.upload("reservio-klienti.csv", export, WINDOWS_1250, Map.of());

        assertThat(result).containsEntry("status", "COMPLETED").containsEntry("encoding", "windows-1250")
                .containsEntry("delimiter", "SEMICOLON").containsEntry("layout", "RECOGNISED");
        assertThat(progress(result)).containsEntry("created", 2).containsEntry("rejected", 0);
        assertThat(columns(result)).containsExactly(
                Map.of("index", 1, "header", "Jméno", "field", "firstName"),
                Map.of("index", 2, "header", "Příjmení", "field", "lastName"),
                Map.of("index", 3, "header", "E-mail", "field", "email"),
                Map.of("index", 4, "header", "Telefon", "field", "phone"),
                Map.of("index", 5, "header", "Souhlas se zasíláním obchodních sdělení", "field", "marketingConsent"),
                column(6, "Poznámka"), column(7, "Počet rezervací"));
        assertThat(customerByEmail("katerina@example.cz")).containsEntry("firstName", "Kateřina")
                .containsEntry("lastName", "Horáková").containsEntry("phone", "+420777222333")
                .containsEntry("subscriptionState", "SUBSCRIBED");
        assertThat(customerByEmail("jiri@example.cz")).containsEntry("lastName", "Černý")
                .containsEntry("subscriptionState", "UNSUBSCRIBED");
        // the quoted note spans two lines: the next record is still row 4
        assertThat(importer.rejections(id(result))).isEmpty();
    }

    @Test
    void englishHeadersUtf8WithBomAndTabsAreRecognisedToo() {
        String export = "\uFEFFFirst name\tLast name\tEmail address\tMobile\tNewsletter\tBirthday\tGender\n"
                + "Marie\tDvořáková\tmarie@example.cz\t+421 905 123 456\ttrue\t12.4.1988\tFemale\n";

        Map<String, Object> result = importer.upload("export.txt", export);

        assertThat(result).containsEntry("encoding", "UTF-8").containsEntry("delimiter", "TAB");
        assertThat(customerByEmail("marie@example.cz")).containsEntry("firstName", "Marie")
                .containsEntry("lastName", "Dvořáková").containsEntry("phone", "+421905123456")
                .containsEntry("birthDate", "1988-04-12").containsEntry("gender", "FEMALE")
                .containsEntry("subscriptionState", "SUBSCRIBED");
    }

    @Test
    void duplicatesAreMatchedByEmailThenPhoneAndUpdatedNeverDoubled() {
        UUID byEmail = staff.create(Map.of("firstName", "Jana", "lastName", "Stará", "email", "Jana.Dup@Example.cz",
                "phone", "+420 777 000 001"));
        UUID byPhone = staff.create(Map.of("firstName", "Petr", "lastName", "Bez Mailu", "phone", "+420 777 000 002"));
        UUID familyPhone = staff.create(Map.of("firstName", "Matka", "lastName", "Nová", "email", "matka@example.cz",
                "phone", "+420 777 000 003"));

        Map<String, Object> result = importer.upload("dups.csv", """
                first name,last name,email,phone
                Jana,Nová,jana.dup@example.cz,
                Petr,Bez Mailu,petr.now@example.cz,777 000 002
                Dcera,Nová,dcera@example.cz,777 000 003
                Eva,Dvojitá,eva.twice@example.cz,
                Eva,Dvojitá,EVA.TWICE@example.cz,777 000 004
                Jana,Nová,jana.dup@example.cz,
                """);

        assertThat(progress(result)).containsEntry("rowsRead", 6).containsEntry("created", 2)
                .containsEntry("updated", 3).containsEntry("unchanged", 1).containsEntry("rejected", 0);
        assertThat(staff.json("/api/v1/customers/{id}", byEmail)).containsEntry("lastName", "Nová")
                .containsEntry("email", "Jana.Dup@Example.cz").containsEntry("phone", "+420777000001");
        assertThat(staff.json("/api/v1/customers/{id}", byPhone)).containsEntry("email", "petr.now@example.cz");
        assertThat(staff.json("/api/v1/customers/{id}", familyPhone)).containsEntry("firstName", "Matka");
        assertThat(customerByEmail("dcera@example.cz")).containsEntry("phone", "+420777000003");
        assertThat(customersWithEmail("eva.twice@example.cz")).isEqualTo(1);
        assertThat(customerByEmail("eva.twice@example.cz")).containsEntry("phone", "+420777000004");
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void anExplicitMappingReadsAnyFileAndFeedsTheClientCard() {
        Api owner = Api.owner(port, workspace);
        owner.put("/api/v1/custom-fields/skinType", Map.of("label", "Skin type", "type", "CHOICE",
                "options", List.of("dry", "oily"))).expectStatus().isOk();
        owner.put("/api/v1/custom-fields/visits", Map.of("label", "Visits", "type", "NUMBER")).expectStatus().isOk();

        Map<String, Object> result = importer.upload("own.csv", """
                Zákaznice|Kontakt|Typ|Návštěv|Interní ID
                Jana Krátká|+420 777 555 666|Oily|12|A-17
                Eva Dlouhá|+420 777 555 667|wet|3|A-18
                """, StandardCharsets.UTF_8, Map.of("delimiter", "PIPE", "mapping",
                "{\"Zákaznice\": \"name\", \"Kontakt\": \"phone\", \"Typ\": \"customFields.skinType\","
                        + " \"4\": \"customFields.visits\", \"Interní ID\": \"\"}"));

        assertThat(result).containsEntry("layout", "CUSTOM");
        assertThat(progress(result)).containsEntry("created", 1).containsEntry("rejected", 1);
        Map<String, Object> jana = onlyMatch(staff.json("/api/v1/customers/lookup?phone={phone}", "+420 777 555 666"));
        assertThat(jana).containsEntry("firstName", "Jana").containsEntry("lastName", "Krátká");
        assertThat(jana.get("customFields")).isEqualTo(Map.of("skinType", "oily", "visits", 12));
        assertThat(importer.rejections(id(result)).getFirst().get("reasons").toString())
                .contains("customFields.skinType").contains("'wet' is not one of [dry, oily]");
    }

    @Test
    void anUnclosedQuoteCostsOnlyItsOwnRowAndEveryGoodRowAfterItIsImported() {
        Map<String, Object> result = importer.upload("damaged.csv", """
                name;email;phone
                Jana Nováková;jana@example.cz;777 123 456
                "Petr Svoboda;petr@example.cz;602 111 222
                Eva Černá;eva@example.cz;603 222 333
                Tomáš Dvořák;tomas@example.cz;604 333 444
                "Lucie Malá";lucie@example.cz;605 444 555
                """, StandardCharsets.UTF_8, Map.of());

        assertThat(result.get("status")).isEqualTo("COMPLETED");
        assertThat(progress(result)).containsEntry("created", 4).containsEntry("rejected", 1);
        assertThat(List.of("jana", "eva", "tomas", "lucie")).allSatisfy(name ->
                assertThat(customerByEmail(name + "@example.cz")).isNotNull());
        List<Map<String, Object>> rejected = importer.rejections(id(result));
        assertThat(rejected).singleElement().satisfies(row -> {
            assertThat(row.get("rowNumber")).isEqualTo(3);
            assertThat(reasonFields(row)).containsExactly("file");
            assertThat(row.get("reasons").toString()).contains("opened on line 3", "closed on line 6");
            assertThat(row.get("cells")).isEqualTo(Map.of("line 3", "\"Petr Svoboda;petr@example.cz;602 111 222"));
        });
        assertThat(staff.json("/api/v1/customers?q=svoboda").get("items")).asList().isEmpty();
    }

    @Test
    void aRowWithMoreCellsThanColumnsOrANulCharacterIsRefusedAndItsNeighboursImported() {
        Map<String, Object> result = importer.upload("shifted.csv", "name,email\n"
                + "Jana Nováková,jana@example.cz\n"
                + "Nováková, Petra,petra@example.cz\n"
                + "Eva\u0000 Černá,eva@example.cz\n"
                + "Lucie Malá,lucie@example.cz,,\n", StandardCharsets.UTF_8, Map.of());

        assertThat(result.get("status")).isEqualTo("COMPLETED");
        assertThat(progress(result)).containsEntry("created", 2).containsEntry("rejected", 2);
        List<Map<String, Object>> rejected = importer.rejections(id(result));
        assertThat(rejected).extracting(r -> r.get("rowNumber")).containsExactly(3, 4);
        assertThat(rejected.get(0).get("reasons").toString()).contains("more cells than the header");
        assertThat(rejected.get(1).get("reasons").toString()).contains("NUL character");
        assertThat(rejected.get(1).get("cells")).isEqualTo(Map.of("name", "Eva\uFFFD Černá", "email", "eva@example.cz"));
        assertThat(customerByEmail("lucie@example.cz")).containsEntry("lastName", "Malá");
    }

    @Test
    void aFileThatCannotBeImportedAtAllIsRefusedAtOnceWithProblems() {
        staff.postAs(Importer.CSV, "/api/v1/imports?mapping={m}", "Name,Email\nJana,jana@x.cz\n".getBytes(),
                "{\"Telefon\": \"phone\", \"Email\": \"shoeSize\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/validation")
                .jsonPath("$.errors[?(@.field == 'mapping.Telefon')].code").isEqualTo(List.of("unknown-column"))
                .jsonPath("$.errors[?(@.field == 'mapping.Email')].code").isEqualTo(List.of("unknown-field"));
        staff.postAs(Importer.CSV, "/api/v1/imports", "Shoe size,Colour\n42,red\n".getBytes())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("no-identifying-column");
        staff.postAs(Importer.CSV, "/api/v1/imports", new byte[0]).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        staff.postAs(Importer.CSV, "/api/v1/imports?encoding=KLINGON", "name\nJana\n".getBytes())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("encoding");
        staff.postAs(Importer.CSV, "/api/v1/imports?mapping={m}", "name\nJana\n".getBytes(), "[not json")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("mapping");
        staff.postAs(org.springframework.http.MediaType.APPLICATION_JSON, "/api/v1/imports",
                "{\"rows\": [{\"firstName\": \"Jana\"}".getBytes())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("json");
        staff.post("/api/v1/imports", Map.of("rows", List.of("Jana"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("shape");
        assertThat(staff.get("/api/v1/imports").expectStatus().isOk().returnResult(List.class).getResponseBody())
                .isEmpty();
        assertThat(count()).isZero();
    }

    @Test
    void jsonRowsImportThroughTheApiWithTheSameRules() {
        Map<String, Object> result = importer.json(Map.of("name", "nightly sync", "rows", List.of(
                Map.of("firstName", "Jana", "lastName", "Jsonová", "email", "jana.json@example.cz",
                        "phone", "+420777888999", "marketingConsent", true, "status", "REGULAR",
                        "discountPercent", 7.5, "address", Map.of("city", "Brno", "country", "CZ")),
                Map.of("firstName", "Petr", "shoeSize", 44),
                Map.of("lastName", "Bezmailový", "phone", "not a phone"))));

        assertThat(result).containsEntry("format", "JSON").containsEntry("fileName", "nightly sync");
        assertThat(progress(result)).containsEntry("rowsRead", 3).containsEntry("created", 1)
                .containsEntry("rejected", 2);
        assertThat(customerByEmail("jana.json@example.cz")).containsEntry("status", "REGULAR")
                .containsEntry("discountPercent", 7.5).containsEntry("subscriptionState", "SUBSCRIBED")
                .extractingByKey("address").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("city", "Brno").containsEntry("country", "CZ");
        List<Map<String, Object>> rejected = importer.rejections(id(result));
        assertThat(rejected).extracting(r -> r.get("rowNumber")).containsExactly(2, 3);
        assertThat(reasonFields(rejected.get(0))).containsExactly("shoeSize");
        assertThat(reasonFields(rejected.get(1))).containsExactly("phone");
    }

    @Test
    void aNulInOneJsonCellRefusesThatRowAndTheRestImportsWhileANulInTheImportsNameIsA400() {
        Map<String, Object> result = importer.json(Map.of("rows", List.of(
                Map.of("firstName", "Eva\u0000", "lastName", "Nulová", "email", "eva.nul@example.cz"),
                Map.of("firstName", "Jana", "lastName", "Bezchybná", "email", "jana.ok@example.cz"))));

        assertThat(result.get("status")).isEqualTo("COMPLETED");
        assertThat(progress(result)).containsEntry("created", 1).containsEntry("rejected", 1);
        List<Map<String, Object>> rejected = importer.rejections(id(result));
        assertThat(rejected).extracting(r -> r.get("rowNumber")).containsExactly(1);
        assertThat(rejected.get(0).get("reasons").toString()).contains("NUL character");
        assertThat(customerByEmail("jana.ok@example.cz")).containsEntry("lastName", "Bezchybná");

        staff.post("/api/v1/imports", Map.of("name", "night\u0000ly", "rows", List.of(Map.of("firstName", "Petr"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].code").isEqualTo("character");
    }

    @Test
    void aDryRunCountsWhatWouldHappenAndWritesNothing() {
        staff.create(Map.of("firstName", "Jana", "lastName", "Existující", "email", "jana.exists@example.cz"));
        String csv = """
                name,email,phone
                Jana Existující,jana.exists@example.cz,+420 777 999 001
                Nový Člověk,novy@example.cz,
                Nový Člověk,novy@example.cz,+420 777 999 002
                Špatný,bad@,
                """;

        Map<String, Object> dryRun = importer.upload("try.csv", csv, StandardCharsets.UTF_8, Map.of("dryRun", "true"));

        assertThat(dryRun).containsEntry("status", "COMPLETED").containsEntry("dryRun", true);
        assertThat(progress(dryRun)).containsEntry("created", 1).containsEntry("updated", 2)
                .containsEntry("rejected", 1);
        assertThat(importer.rejections(id(dryRun))).hasSize(1);
        assertThat(count()).isEqualTo(1);
        assertThat(customerByEmail("jana.exists@example.cz").get("phone")).isNull();
        staff.post("/api/v1/imports/{id}/undo", null, id(dryRun)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/import-not-undoable");

        Map<String, Object> real = importer.upload("try.csv", csv);

        assertThat(progress(real)).isEqualTo(progress(dryRun));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aDryRunSeesDuplicatesAcrossChunksAsTheImportWill() {
        int rows = imports.chunkSize() + 1;
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Klient Číslo").append(i).append(",chunks").append(i).append("@example.cz\n");
        }
        // the same person again, a chunk later: an update of the customer row 2 created
        csv.append("Klient Opravený,chunks1@example.cz\n");

        Map<String, Object> dryRun = importer.upload("chunks.csv", csv.toString(), StandardCharsets.UTF_8,
                Map.of("dryRun", "true"));
        Map<String, Object> real = importer.upload("chunks.csv", csv.toString());

        assertThat(progress(dryRun)).containsEntry("created", rows).containsEntry("updated", 1);
        assertThat(progress(real)).isEqualTo(progress(dryRun));
        assertThat(customerByEmail("chunks1@example.cz")).containsEntry("lastName", "Opravený");
    }

    @Test
    void undoRemovesWhatTheImportCreatedAndRestoresWhatItChangedUnlessTouchedSince() {
        UUID existing = staff.create(Map.of("firstName", "Jana", "lastName", "Původní", "email", "undo1@example.cz",
                "discountPercent", 5));
        UUID touchedLater = staff.create(Map.of("firstName", "Petr", "lastName", "Původní", "email",
                "undo2@example.cz"));
        Map<String, Object> result = importer.upload("undo.csv", """
                first name,last name,email,status,marketing_consent
                Jana,Změněná,undo1@example.cz,PROBLEMATIC,yes
                Petr,Změněný,undo2@example.cz,,
                Nová,Osoba,undo3@example.cz,,
                Použitá,Osoba,undo4@example.cz,,
                """);
        UUID created = uuid(customerByEmail("undo3@example.cz"));
        UUID createdThenUsed = uuid(customerByEmail("undo4@example.cz"));
        staff.put("/api/v1/customers/{id}", Map.of("firstName", "Petr", "lastName", "Ručně", "email",
                "undo2@example.cz"), touchedLater).expectStatus().isOk();
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "called her"), createdThenUsed)
                .expectStatus().isCreated();

        Map<String, Object> undone = importer.undo(id(result));

        assertThat(undone.get("status")).isEqualTo("UNDONE");
        assertThat(undoOf(undone)).containsEntry("removed", 1)
                .containsEntry("restored", 1).containsEntry("kept", 2);
        assertThat(staff.json("/api/v1/customers/{id}", existing)).containsEntry("lastName", "Původní")
                .containsEntry("status", "NEW").containsEntry("subscriptionState", "UNSUBSCRIBED")
                .containsEntry("discountPercent", 5.0);
        assertThat(staff.json("/api/v1/customers/{id}", touchedLater)).containsEntry("lastName", "Ručně");
        staff.get("/api/v1/customers/{id}", created).expectStatus().isEqualTo(410);
        assertThat(staff.json("/api/v1/customers/{id}", createdThenUsed)).containsEntry("lastName", "Osoba");
        assertThat(staff.get("/api/v1/customers/{id}/status-history", existing).expectStatus().isOk()
                .returnResult(List.class).getResponseBody()).extracting(entry -> ((Map<?, ?>) entry).get("to"))
                .containsExactly("NEW", "PROBLEMATIC", "NEW");
        staff.post("/api/v1/imports/{id}/undo", null, id(result)).expectStatus().isEqualTo(409);
    }

    @Test
    void importsAndTheirCustomersStayInTheirWorkspace() {
        Map<String, Object> result = importer.upload("mine.csv", "name,email\nJana Moje,jana.mine@example.cz\nX,bad\n");
        Api other = Api.staff(port, UUID.randomUUID());
        String id = id(result);

        other.get("/api/v1/imports/{id}", id).expectStatus().isNotFound();
        other.get("/api/v1/imports/{id}/rejections", id).expectStatus().isNotFound();
        other.get("/api/v1/imports/{id}/rejections.csv", id).expectStatus().isNotFound();
        other.post("/api/v1/imports/{id}/undo", null, id).expectStatus().isNotFound();
        assertThat(other.get("/api/v1/imports").expectStatus().isOk().returnResult(List.class).getResponseBody())
                .isEmpty();
        assertThat(other.json("/api/v1/customers/lookup?email=jana.mine@example.cz").get("matches")).asList().isEmpty();
        new Importer(other).upload("theirs.csv", "name,email\nJana Cizí,jana.mine@example.cz\n");
        assertThat(customerByEmail("jana.mine@example.cz")).containsEntry("lastName", "Moje");
        assertThat(staff.get("/api/v1/imports").expectStatus().isOk().returnResult(List.class).getResponseBody())
                .hasSize(1);
    }

    @Test
    void importsAppearOnTheTimelineOfEveryCustomerTheyTouched() {
        UUID existing = staff.create(Map.of("firstName", "Jana", "lastName", "Časová", "email", "time1@example.cz"));
        Map<String, Object> result = importer.upload("timeline.csv", """
                name,email,phone
                Jana Časová,time1@example.cz,+420 777 444 001
                Nový Časový,time2@example.cz,
                """);
        UUID created = uuid(customerByEmail("time2@example.cz"));

        List<Map<String, Object>> existingPast = past(existing);
        List<Map<String, Object>> createdPast = past(created);

        assertThat(existingPast.getFirst()).containsEntry("type", "IMPORTED")
                .containsEntry("title", "Updated by the import of timeline.csv: phone");
        assertThat(createdPast).extracting(entry -> entry.get("type")).containsExactly("IMPORTED");
        assertThat(createdPast.getFirst().get("source")).isEqualTo(Map.of("type", "import", "id", id(result),
                "href", "/api/v1/imports/" + id(result)));

        importer.undo(id(result));

        assertThat(past(existing).getFirst()).containsEntry("type", "IMPORT_UNDONE")
                .containsEntry("title", "The import of timeline.csv was undone: phone restored");
    }

    @Test
    void importEntriesPageThroughTheTimelineWithEverythingElse() {
        UUID customer = staff.create(Map.of("firstName", "Jana", "lastName", "Stránková", "email", "pages@example.cz"));
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "first"), customer).expectStatus().isCreated();
        importer.upload("one.csv", "email,city\npages@example.cz,Brno\n");
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "second"), customer).expectStatus().isCreated();
        importer.upload("two.csv", "email,city\npages@example.cz,Praha\n");
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "third"), customer).expectStatus().isCreated();

        List<Map<String, Object>> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = cursor == null
                    ? staff.json("/api/v1/customers/{id}/timeline?limit=2", customer)
                    : staff.json("/api/v1/customers/{id}/timeline?limit=2&cursor={c}", customer, cursor);
            seen.addAll(pastOf(page));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);

        assertThat(seen).extracting(entry -> entry.get("title")).containsExactly("Note: third",
                "Updated by the import of two.csv: address", "Note: second",
                "Updated by the import of one.csv: address", "Note: first", "Customer created by staff");
        assertThat(seen).extracting(entry -> entry.get("id")).doesNotHaveDuplicates();
        assertThat(pastOf(staff.json("/api/v1/customers/{id}/timeline?type=IMPORTED", customer))).hasSize(2);
        assertThat(pastOf(staff.json("/api/v1/customers/{id}/timeline?type=NOTE_ADDED", customer))).hasSize(3);
    }

    // --- helpers

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pastOf(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("past");
    }

    private Map<String, Object> customerByEmail(String email) {
        return onlyMatch(staff.json("/api/v1/customers/lookup?email={email}", email));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyMatch(Map<String, Object> lookup) {
        List<Map<String, Object>> matches = (List<Map<String, Object>>) lookup.get("matches");
        assertThat(matches).hasSize(1);
        return matches.getFirst();
    }

    private int customersWithEmail(String email) {
        return jdbc.queryForObject("SELECT count(*) FROM customer WHERE workspace_id = ? AND email_key = lower(?)",
                Integer.class, workspace, email);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM customer WHERE workspace_id = ?", Long.class, workspace);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> past(UUID customer) {
        return (List<Map<String, Object>>) staff.json("/api/v1/customers/{id}/timeline", customer).get("past");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> columns(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("columns");
    }

    private static Map<String, Object> column(int index, String header) {
        Map<String, Object> column = new java.util.HashMap<>();
        column.put("index", index);
        column.put("header", header);
        column.put("field", null);
        return column;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> undoOf(Map<String, Object> view) {
        return (Map<String, Object>) view.get("undo");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> reasonFields(Map<String, Object> rejection) {
        return ((List<Map<String, Object>>) rejection.get("reasons")).stream().map(r -> r.get("field")).toList();
    }

    private static UUID uuid(Map<String, Object> customer) {
        return UUID.fromString((String) customer.get("id"));
    }
}
