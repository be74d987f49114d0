-- Loads :n synthetic customers into workspace :'workspace' for the search benchmark.
-- Realistic shape: Czech and Bulgarian names with diacritics (a few common surnames, a long tail of
-- rare ones), e-mails on common providers, E.164 mobile numbers, statuses, stages, temperatures,
-- subscription states and discounts spread as a salon's or a wholesaler's would be. Deterministic
-- (setseed) so every run measures the same data.
SELECT setseed(0.42);

WITH names AS (
    SELECT ARRAY['Jana','Petra','Lucie','Tereza','Eva','Anna','Kateřina','Veronika','Hana','Marie','Lenka','Zuzana',
                 'Markéta','Barbora','Michaela','Klára','Šárka','Ivana','Alžběta','Radka','Jiří','Jan','Petr','Josef',
                 'Pavel','Martin','Tomáš','Jaroslav','Miroslav','Zdeněk','Václav','Michal','František','Jakub',
                 'Lukáš','Ondřej','David','Vojtěch','Matěj','Štěpán','Георги','Мария','Иван','Елена','Николай',
                 'Десислава','Dimitar','Ralitsa','Anna-Marie','Žofie'] AS first,
           ARRAY['Novák','Svoboda','Novotný','Dvořák','Černý','Procházka','Kučera','Veselý','Horák','Němec',
                 'Pokorný','Marek','Pospíšil','Hájek','Jelínek','Král','Růžička','Beneš','Fiala','Sedláček',
                 'Doležal','Zeman','Kolář','Navrátil','Čermák','Vaněk','Urban','Blažek','Kříž','Kovář',
                 'Kratochvíl','Bartoš','Vlček','Polák','Musil','Kopecký','Šimek','Konečný','Malý','Holub',
                 'Štěpánek','Staněk','Kadlec','Dostál','Soukup','Šťastný','Mareš','Moravec','Sýkora','Tichý',
                 'Иванов','Петрова','Георгиев','Димитрова','Stoyanov','Todorova'] AS last,
           ARRAY['ka','ro','mi','ša','dě','no','vá','le','tr','bo','ze','pí','ch','ří','lu','ma','de','so','ku',
                 'ně','ja','vo','ta','hr','bě','li','si','ra','zá','mo'] AS syllables,
           ARRAY['gmail.com','seznam.cz','email.cz','centrum.cz','post.cz','outlook.com','abv.bg','icloud.com',
                 'volny.cz','firma.cz'] AS domains
), raw AS (
    SELECT i,
           n.first[1 + floor(random() * array_length(n.first, 1))::int] AS first_name,
           CASE WHEN random() < 0.75
                THEN n.last[1 + floor(random() * array_length(n.last, 1))::int]
                ELSE initcap(n.syllables[1 + floor(random() * 30)::int] || n.syllables[1 + floor(random() * 30)::int]
                             || n.syllables[1 + floor(random() * 30)::int] || 'ek')
           END AS last_name,
           n.domains[1 + floor(random() * array_length(n.domains, 1))::int] AS domain,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
    FROM generate_series(1, :n) AS i, names n
)
INSERT INTO customer (id, workspace_id, first_name, last_name, company_name, email, phone, gender, city, country,
                      preferred_language, preferred_currency, discount_percent, customer_type, source, synced,
                      custom_fields, status, stage, temperature, subscription_state, muted, created_at, updated_at)
SELECT gen_random_uuid(), :'workspace', first_name, last_name,
       CASE WHEN r5 < 0.08 THEN last_name || ' s.r.o.' END,
       CASE WHEN r4 >= 0.92 THEN NULL
            WHEN lower(unaccent(first_name || last_name)) ~ '^[a-z-]+$'
            THEN lower(unaccent(first_name)) || '.' || lower(unaccent(last_name)) || i || '@' || domain
            ELSE 'klient' || i || '@' || domain END,
       CASE WHEN r3 < 0.95 THEN '+420' || (600000000 + floor(random() * 199999999))::bigint END,
       CASE WHEN first_name ~ '[aeé]$' THEN 'FEMALE' ELSE 'MALE' END,
       CASE WHEN r1 < 0.5 THEN 'Praha' WHEN r1 < 0.7 THEN 'Brno' ELSE 'Ostrava' END, 'CZ',
       CASE WHEN first_name ~ '[А-Яа-я]' THEN 'bg' ELSE 'cs' END, 'CZK',
       CASE WHEN r2 < 0.7 THEN 0 ELSE (floor(r2 * 30))::numeric END,
       CASE WHEN r2 < 0.6 THEN 'CONTACT' ELSE 'REGISTERED' END,
       CASE WHEN r1 < 0.6 THEN 'BOOKING' WHEN r1 < 0.85 THEN 'MANUAL' WHEN r1 < 0.97 THEN 'IMPORT' ELSE 'API' END,
       r1 < 0.6, '{}'::jsonb,
       CASE WHEN r3 < 0.55 THEN 'NEW' WHEN r3 < 0.9 THEN 'REGULAR' WHEN r3 < 0.97 THEN 'PROBLEMATIC' ELSE 'BLOCKED' END,
       CASE WHEN r4 < 0.8 THEN 'CURRENT' ELSE 'POTENTIAL' END,
       CASE WHEN r5 < 0.25 THEN 'HOT' WHEN r5 < 0.5 THEN 'WARM' WHEN r5 < 0.75 THEN 'COLD' WHEN r5 < 0.8 THEN 'NOT_INTERESTED' END,
       CASE WHEN r2 < 0.45 THEN 'SUBSCRIBED' ELSE 'UNSUBSCRIBED' END,
       r1 > 0.98,
       timestamptz '2023-01-01' + (i * interval '90 seconds'),
       timestamptz '2023-01-01' + (i * interval '90 seconds') + (r2 * interval '300 days')
FROM raw;

ANALYZE customer;
