/// The scenario workbook's sheets and columns: the one table that the workbook import, the
/// template (`zentral template`) and the export of a scenario to a workbook follow.
///
/// To give a new scenario key a place in the workbook, add a ``WorkbookColumn`` to the sheet
/// where a planner looks for it (a fields sheet for a single value, a list sheet for a value per
/// unit, family or task) and, for a key whose value may change by year, its path to
/// ``yearValueKeys``. The loader validates the value as it validates the YAML key
/// (docs/import.md, "Adding a key").
public enum WorkbookLayout {
  /// The sheets in tab order.
  public static let sheets: [WorkbookSheet] = [
    WorkbookSheet(
      "Szenario", "Scenario", .fields,
      [
        WorkbookColumn(
          "name", "Titel", "Title", .text, de: "Titel des Szenarios, 1 bis 200 Zeichen (Pflicht)",
          en: "title of the scenario, 1 to 200 characters (required)"),
        WorkbookColumn(
          "language", "Sprache", "Language", .text, de: "de oder en: Sprache der Berichte (Vorgabe de)",
          en: "de or en: language of the reports (default de)"),
        WorkbookColumn(
          "currency", "Währung", "Currency", .text, de: "nur EUR (Vorgabe EUR)", en: "EUR only (default EUR)"),
        WorkbookColumn(
          "discount_rate", "Diskontsatz", "Discount rate", .number,
          de: "Anteil je Jahr, 0 oder 0,0001 bis 0,5, z. B. 0,03 für 3 % (Vorgabe 0)",
          en: "fraction per year, 0 or 0.0001 to 0.5, e.g. 0.03 for 3 % (default 0)"),
        WorkbookColumn(
          "objective.minimise", "Ziel", "Objective", .text,
          de: "npv: der Barwert wird minimiert (die einzige Wahl)",
          en: "npv: the net present value is minimised (the only choice)"),
        WorkbookColumn(
          "objective.disruption_weight", "Gewicht Umstellung", "Disruption weight", .number,
          de: "EUR je bewegtem VZÄ, 0 oder 0,01 bis 10.000.000 (Vorgabe 0: nur Kosten)",
          en: "EUR per FTE moved, 0 or 0.01 to 10,000,000 (default 0: cost only)"),
      ]),
    WorkbookSheet(
      "Zeitraum", "Horizon", .fields,
      [
        WorkbookColumn(
          "horizon.start", "Erstes Jahr", "First year", .whole,
          de: "erstes Jahr (erste Welle), 1990 bis 2100 (Pflicht)",
          en: "first year (first wave), 1990 to 2100 (required)"),
        WorkbookColumn(
          "horizon.years", "Anzahl Jahre", "Number of years", .whole,
          de: "Jahre (Wellen), 1 bis 30 (Pflicht)", en: "years (waves), 1 to 30 (required)"),
        WorkbookColumn(
          "horizon.terminal_value", "Restwert", "Terminal value",
          .choice(["none": ["kein", "keiner"], "perpetuity": ["ewige Rente"]]),
          de:
            "none (nur die Jahre des Zeitraums, Vorgabe) oder perpetuity (laufende Kosten des letzten Jahres als ewige Rente)",
          en:
            "none (only the horizon's years, the default) or perpetuity (the last year's running cost for ever)"
        ),
      ]),
    WorkbookSheet(
      "Einheiten", "Units", .list("units"),
      [
        WorkbookColumn(
          "id", "ID", "ID", .text,
          de: "Hinweis: Kennung, 1 bis 64 Zeichen aus A-Z, a-z, 0-9, - _ . (Pflicht)",
          en: "Note: id, 1 to 64 characters of A-Z, a-z, 0-9, - _ . (required)"),
        WorkbookColumn(
          "name", "Name", "Name", .text, de: "1 bis 200 Zeichen (Pflicht)",
          en: "1 to 200 characters (required)"),
        WorkbookColumn(
          "kind", "Art", "Kind", .unitKind,
          de: "Verwaltung, Dezernat, Fachbereich, Eigenbetrieb, Stabsstelle, zentral oder extern (Pflicht)",
          en: "administration, division, department, enterprise, staff, central or shared (required)"),
        WorkbookColumn(
          "parent", "Übergeordnet", "Parent", .text, de: "ID der Einheit darüber; leer für die Spitze",
          en: "id of the unit above; empty for the top"),
        WorkbookColumn(
          "cost_per_fte", "Kosten je VZÄ", "Cost per FTE", .number,
          de:
            "EUR/Jahr je VZÄ mit Gemeinkosten, 0 oder 1.000 bis 10.000.000; Pflicht für zentrale Einheiten und Einheiten mit Aufgaben",
          en:
            "EUR/year per FTE with overhead, 0 or 1,000 to 10,000,000; required for central units and units with tasks"
        ),
        WorkbookColumn(
          "price_per_fte", "Preis je VZÄ", "Price per FTE", .number,
          de: "nur extern: EUR/Jahr je übernommenem VZÄ, 0 oder 1.000 bis 10.000.000",
          en: "shared only: EUR/year per FTE taken over, 0 or 1,000 to 10,000,000"),
        WorkbookColumn(
          "capacity_fte", "Kapazität VZÄ", "Capacity FTE", .number,
          de:
            "nur zentral/extern: Obergrenze VZÄ, 0 oder 0,001 bis 100.000; je Jahr verschieden: Blatt Jahreswerte",
          en: "central/shared only: ceiling in FTE, 0 or 0.001 to 100,000; by year: sheet Year values"),
        WorkbookColumn(
          "legal_form", "Rechtsform", "Legal form",
          .choice([
            "own": ["eigen", "eigene Einheit", "Stadt"],
            "public_body": ["öffentlich", "öffentlicher Träger", "Zweckverband", "AöR", "public body"],
            "private": ["privat", "Unternehmen", "GmbH"],
          ]),
          de:
            "nur zentral/extern: eigen (own), öffentlich (public_body) oder privat (private); leer: eigen bei zentral, öffentlich bei extern",
          en:
            "central/shared only: own, public_body or private; empty: own for central, public_body for shared"
        ),
        WorkbookColumn(
          "vat_rate", "USt-Satz", "VAT rate", .number,
          de:
            "nur extern: Umsatzsteuer auf Preis und Angebote, 0 oder 0,0001 bis 0,25, z. B. 0,19 (Vorgabe 0)",
          en: "shared only: VAT on price and quotes, 0 or 0.0001 to 0.25, e.g. 0.19 (default 0)"),
      ]),
    WorkbookSheet(
      "Aufgabenbereiche", "Families", .list("families"),
      [
        WorkbookColumn(
          "id", "ID", "ID", .text, de: "Hinweis: Kennung des Aufgabenbereichs (Pflicht)",
          en: "Note: id of the task family (required)"),
        WorkbookColumn(
          "name", "Name", "Name", .text, de: "1 bis 200 Zeichen (Pflicht)",
          en: "1 to 200 characters (required)"),
        WorkbookColumn(
          "centre.setup_cost", "Einrichtungskosten", "Set-up cost", .number,
          de: "EUR einmalig je Kompetenzzentrum, 0 oder 0,01 bis 10^12 (Vorgabe 0)",
          en: "EUR once per competence centre, 0 or 0.01 to 10^12 (default 0)"),
        WorkbookColumn(
          "centre.annual_overhead", "Gemeinkosten je Jahr", "Annual overhead", .number,
          de: "EUR/Jahr je offenem Zentrum, 0 oder 0,01 bis 10^12 (Vorgabe 0)",
          en: "EUR/year per open centre, 0 or 0.01 to 10^12 (default 0)"),
        WorkbookColumn(
          "centre.min_fte", "Mindestbesetzung VZÄ", "Minimum FTE", .number,
          de: "VZÄ, die ein offenes Zentrum mindestens hat, 0 oder 0,001 bis 100.000 (Vorgabe 0)",
          en: "FTE an open centre has at least, 0 or 0.001 to 100,000 (default 0)"),
        WorkbookColumn(
          "centre.non_staff_factor", "Faktor Sachkosten", "Non-staff factor", .number,
          de: "was die Sachkosten einer Aufgabe im Zentrum werden, 0 oder 0,0001 bis 10 (Vorgabe 1)",
          en: "what a task's non-staff cost becomes in the centre, 0 or 0.0001 to 10 (default 1)"),
        WorkbookColumn(
          "transition_cost_per_fte", "Übergangskosten je VZÄ", "Transition cost per FTE", .number,
          de: "EUR einmalig je bewegtem VZÄ, 0 oder 0,01 bis 10.000.000 (Vorgabe 0)",
          en: "EUR once per FTE moved, 0 or 0.01 to 10,000,000 (default 0)"),
        WorkbookColumn(
          "retained_role", "Rolle bleibt", "Retained role", .flag,
          de:
            "ja/nein: eine Rolle, die jede Einheit behält (IT-Koordination); zählt für policy.retained (Vorgabe nein)",
          en: "yes/no: a role each unit keeps (IT coordination); counts for policy.retained (default no)"),
      ]),
    WorkbookSheet(
      "Anbieter", "Providers", .providers,
      [
        WorkbookColumn(
          "family", "Aufgabenbereich", "Family", .text, de: "Hinweis: ID des Aufgabenbereichs (Pflicht)",
          en: "Note: id of the task family (required)"),
        WorkbookColumn(
          "provider", "Anbieter", "Provider", .text, de: "ID einer zentralen oder externen Einheit (Pflicht)",
          en: "id of a central or shared unit (required)"),
        WorkbookColumn(
          "setup_cost", "Einrichtungskosten", "Set-up cost", .number,
          de: "leer: wie der Aufgabenbereich; EUR einmalig", en: "empty: as the family; EUR once"),
        WorkbookColumn(
          "annual_overhead", "Gemeinkosten je Jahr", "Annual overhead", .number,
          de: "leer: wie der Aufgabenbereich; EUR/Jahr", en: "empty: as the family; EUR/year"),
        WorkbookColumn(
          "min_fte", "Mindestbesetzung VZÄ", "Minimum FTE", .number, de: "leer: wie der Aufgabenbereich; VZÄ",
          en: "empty: as the family; FTE"),
        WorkbookColumn(
          "non_staff_factor", "Faktor Sachkosten", "Non-staff factor", .number,
          de: "leer: wie der Aufgabenbereich; Faktor 0 oder 0,0001 bis 10",
          en: "empty: as the family; factor 0 or 0.0001 to 10"),
        WorkbookColumn(
          "existing_fte", "Bestand VZÄ", "Existing FTE", .number,
          de: "Arbeit dieses Bereichs, die der Anbieter heute schon macht, VZÄ (Vorgabe 0)",
          en: "work of this family the provider does today, FTE (default 0)"),
        WorkbookColumn(
          "open", "Offen", "Open", .flag, de: "ja/nein: Zentrum besteht schon (Vorgabe: ja bei Bestand > 0)",
          en: "yes/no: the centre exists today (default: yes when existing FTE > 0)"),
      ]),
    WorkbookSheet(
      "Skalen", "Scale", .scale,
      [
        WorkbookColumn(
          "family", "Aufgabenbereich", "Family", .text, de: "Hinweis: ID des Aufgabenbereichs (Pflicht)",
          en: "Note: id of the task family (required)"),
        WorkbookColumn(
          "provider", "Anbieter", "Provider", .text,
          de: "leer: Kurve des Bereichs; sonst nur bei diesem Anbieter",
          en: "empty: the family's curve; else at this provider only"),
        WorkbookColumn(
          "pooled", "Gebündelte VZÄ", "Pooled FTE", .number,
          de: "Stützpunkt: gebündelte Arbeit, VZÄ; erster Punkt 0, dann steigend",
          en: "breakpoint: pooled work, FTE; first point 0, then increasing"),
        WorkbookColumn(
          "effective", "Benötigte VZÄ", "Effective FTE", .number,
          de: "Personal, das das Zentrum dafür braucht, VZÄ; konkav",
          en: "staff the centre needs for it, FTE; concave"),
      ]),
    WorkbookSheet(
      "Aufgaben", "Tasks", .list("tasks"),
      [
        WorkbookColumn(
          "id", "ID", "ID", .text, de: "Hinweis: Kennung der Aufgabe (Pflicht)",
          en: "Note: id of the task (required)"),
        WorkbookColumn(
          "name", "Name", "Name", .text, de: "1 bis 200 Zeichen (Pflicht)",
          en: "1 to 200 characters (required)"),
        WorkbookColumn(
          "family", "Aufgabenbereich", "Family", .text, de: "ID des Aufgabenbereichs (Pflicht)",
          en: "id of the task family (required)"),
        WorkbookColumn(
          "unit", "Einheit", "Unit", .text, de: "ID der Einheit, die die Arbeit heute macht (Pflicht)",
          en: "id of the unit doing the work today (required)"),
        WorkbookColumn(
          "fte", "VZÄ", "FTE", .number, de: "Arbeitsumfang heute, 0 oder 0,001 bis 100.000 VZÄ (Pflicht)",
          en: "workload today, 0 or 0.001 to 100,000 FTE (required)"),
        WorkbookColumn(
          "dedicated", "Zweckgebunden", "Dedicated", .flag,
          de: "ja/nein: besondere Bindung an die Einheit, bleibt (Vorgabe nein)",
          en: "yes/no: special link to its unit, stays (default no)"),
        WorkbookColumn(
          "reason", "Begründung", "Reason", .text, de: "warum zweckgebunden, bis 1000 Zeichen",
          en: "why dedicated, up to 1000 characters"),
        WorkbookColumn(
          "divisible", "Teilbar", "Divisible", .flag, de: "ja/nein: darf anteilig wechseln (Vorgabe nein)",
          en: "yes/no: may move in part (default no)"),
        WorkbookColumn(
          "posts", "Stellen", "Posts", .whole,
          de: "Stellen, auf die sich die VZÄ verteilen, ganze Zahl ab 1 (Vorgabe: VZÄ aufgerundet)",
          en: "posts that hold the FTE, a whole number from 1 (default: the FTE rounded up)"),
        WorkbookColumn(
          "concern", "Bedenken", "Concern", .number,
          de: "Einwand der Einheit in EUR, 0 oder 0,01 bis 10^12 (Vorgabe 0)",
          en: "the unit's objection in EUR, 0 or 0.01 to 10^12 (default 0)"),
        WorkbookColumn(
          "transition_cost", "Übergangskosten", "Transition cost", .number,
          de: "EUR einmalig für die ganze Aufgabe; leer: je VZÄ des Bereichs",
          en: "EUR once for the whole task; empty: per FTE of the family"),
        WorkbookColumn(
          "non_staff_cost", "Sachkosten je Jahr", "Non-staff cost per year", .number,
          de: "Lizenzen, Hardware, Räume heute, EUR/Jahr, 0 oder 0,01 bis 10^12 (Vorgabe 0)",
          en: "licences, hardware, rooms today, EUR/year, 0 or 0.01 to 10^12 (default 0)"),
        WorkbookColumn(
          "providers", "Anbieter", "Providers", .list,
          de: "IDs, durch Komma getrennt; leer: die Anbieter des Bereichs; - für keinen",
          en: "ids separated by commas; empty: the family's providers; - for none"),
        WorkbookColumn(
          "confidential", "Vertraulich", "Confidential", .flag,
          de: "ja/nein: Sozial-, Steuer- oder Personaldaten, nie an private Anbieter (Vorgabe nein)",
          en: "yes/no: social, tax or personnel data, never to private providers (default no)"),
        WorkbookColumn(
          "separate_from", "Getrennt von", "Separate from", .list,
          de: "IDs von Aufgabenbereichen, durch Komma getrennt, die nicht beim selben Anbieter sein dürfen",
          en: "ids of families, separated by commas, that may not sit at the same provider"),
      ]),
    WorkbookSheet(
      "Angebote", "Offers", .offers,
      [
        WorkbookColumn(
          "task", "Aufgabe", "Task", .text, de: "Hinweis: ID der Aufgabe (Pflicht)",
          en: "Note: id of the task (required)"),
        WorkbookColumn(
          "provider", "Anbieter", "Provider", .text, de: "ID eines Anbieters der Aufgabe (Pflicht)",
          en: "id of a provider of the task (required)"),
        WorkbookColumn(
          "fte", "VZÄ dort", "FTE there", .number, de: "Arbeitsumfang beim Anbieter; leer: wie heute",
          en: "workload at the provider; empty: as today"),
        WorkbookColumn(
          "annual_cost", "Angebot je Jahr", "Quote per year", .number,
          de: "angebotene Kosten der ganzen Aufgabe, EUR/Jahr", en: "quoted cost of the whole task, EUR/year"),
        WorkbookColumn(
          "transition_cost", "Übergangskosten", "Transition cost", .number,
          de: "EUR einmalig für den Wechsel zu diesem Anbieter", en: "EUR once for moving to this provider"),
        WorkbookColumn(
          "non_staff_cost", "Sachkosten je Jahr", "Non-staff cost per year", .number,
          de: "Sachkosten der ganzen Aufgabe beim Anbieter, EUR/Jahr; leer: wie heute × Faktor des Zentrums",
          en:
            "non-staff cost of the whole task at the provider, EUR/year; empty: today's × the centre's factor"
        ),
      ]),
    WorkbookSheet(
      "Regeln", "Policy", .fields,
      [
        WorkbookColumn(
          "policy.retained.min_share", "Verbleib Anteil", "Retained share", .number,
          de: "Anteil der IT-Arbeit, den jede Einheit behält, 0 oder 0,0001 bis 1",
          en: "share of its IT work every unit keeps, 0 or 0.0001 to 1"),
        WorkbookColumn(
          "policy.retained.min_fte", "Verbleib VZÄ", "Retained FTE", .number,
          de: "VZÄ, die jede Einheit mindestens behält, 0 oder 0,001 bis 100.000",
          en: "FTE every unit keeps at least, 0 or 0.001 to 100,000"),
        WorkbookColumn(
          "policy.budget", "Budget je Welle", "Budget per wave", .number,
          de: "EUR einmalig je Welle für alle Jahre; je Jahr verschieden: Blatt Jahreswerte",
          en: "EUR once per wave for every year; by year: sheet Year values"),
        WorkbookColumn(
          "policy.max_moved_fte_per_wave", "Höchstens bewegte VZÄ je Welle", "Max FTE moved per wave",
          .number,
          de: "Veränderungskapazität in VZÄ je Welle; je Jahr: Blatt Jahreswerte",
          en: "change capacity in FTE per wave; by year: sheet Year values"),
        WorkbookColumn(
          "policy.parallel_running_months", "Parallelbetrieb Monate", "Parallel running months", .number,
          de: "Monate, die im Jahr eines Wechsels beide Seiten zahlen, 0 oder 0,01 bis 12 (Vorgabe 0)",
          en: "months both sides pay in the year of a move, 0 or 0.01 to 12 (default 0)"),
        WorkbookColumn(
          "policy.savings_target.annual_cost", "Einsparziel EUR/Jahr", "Savings target EUR/year", .number,
          de: "Einsparung im letzten Jahr, EUR/Jahr", en: "saving in the last year, EUR/year"),
        WorkbookColumn(
          "policy.savings_target.fte", "Einsparziel VZÄ", "Savings target FTE", .number,
          de: "Einsparung im letzten Jahr, VZÄ", en: "saving in the last year, FTE"),
        WorkbookColumn(
          "policy.min_move_fte", "Kleinster Wechsel VZÄ", "Smallest move FTE", .number,
          de: "kleinster Teil einer teilbaren Aufgabe, der wechseln darf, VZÄ (Vorgabe 0,5; 0: keiner)",
          en: "smallest part of a divisible task that may move, FTE (default 0.5; 0: none)"),
        WorkbookColumn(
          "policy.no_layoffs.attrition_rate", "Keine Kündigungen: Fluktuation", "No layoffs: attrition rate",
          .number,
          de: "Anteil des Personals, der jährlich ausscheidet, 0 bis 1; leer: Regel aus",
          en: "share of the staff that leaves each year, 0 to 1; empty: rule off"),
        WorkbookColumn(
          "policy.tie_threshold", "Schwelle knapp EUR", "Close-call threshold EUR", .number,
          de:
            "Umkehrkosten, unter denen eine Entscheidung knapp heißt, EUR (Vorgabe 1 % der Jahreskosten, mind. 1.000)",
          en:
            "flip cost below which a decision is a close call, EUR (default 1 % of the annual cost, at least 1,000)"
        ),
      ]),
    WorkbookSheet(
      "Förderung", "Funding", .list("funding"),
      [
        WorkbookColumn(
          "task", "Aufgabe", "Task", .text, de: "Hinweis: ID der geförderten Aufgabe (oder Einheit angeben)",
          en: "Note: id of the funded task (or give a unit)"),
        WorkbookColumn(
          "unit", "Einheit", "Unit", .text, de: "ID der geförderten Einheit (oder Aufgabe angeben)",
          en: "id of the funded unit (or give a task)"),
        WorkbookColumn(
          "share", "Anteil", "Share", .number, de: "geförderter Anteil der Personalkosten, über 0 bis 1",
          en: "funded share of the staff cost, above 0 to 1"),
        WorkbookColumn(
          "until", "Bis Jahr", "Until year", .whole, de: "letztes gefördertes Jahr",
          en: "last funded year"),
      ]),
    WorkbookSheet(
      "Regelliste", "Rules", .rules,
      [
        WorkbookColumn(
          "rule", "Regel", "Rule", .text,
          de: "Hinweis: Pilot, Frist, gemeinsam, muss wechseln oder bleibt",
          en: "Note: pilot, deadline, together, must move or must stay"),
        WorkbookColumn(
          "family", "Aufgabenbereich", "Family", .text, de: "Pilot und Frist: ID des Bereichs",
          en: "pilot and deadline: id of the family"),
        WorkbookColumn(
          "unit", "Einheit", "Unit", .text, de: "Pilot: ID der Pilot-Einheit",
          en: "pilot: id of the pilot unit"),
        WorkbookColumn(
          "task", "Aufgabe", "Task", .text, de: "gemeinsam, muss wechseln, bleibt: ID der Aufgabe",
          en: "together, must move, must stay: id of the task"),
        WorkbookColumn(
          "by", "Jahr", "Year", .whole, de: "Frist: Jahr, bis zu dem gewechselt ist",
          en: "deadline: year by which tasks have moved"),
        WorkbookColumn(
          "group", "Gruppe", "Group", .text, de: "gemeinsam: Name der Gruppe (Zeilen mit gleicher Gruppe)",
          en: "together: name of the group (rows with the same group)"),
      ]),
    WorkbookSheet(
      "Jahreswerte", "Year values", .yearValues,
      [
        WorkbookColumn(
          "key", "Schlüssel", "Key", .text,
          de: "Hinweis: capacity_fte (mit Einheit), policy.budget oder policy.max_moved_fte_per_wave",
          en: "Note: capacity_fte (with unit), policy.budget or policy.max_moved_fte_per_wave"),
        WorkbookColumn(
          "unit", "Einheit", "Unit", .text, de: "bei capacity_fte: ID der Einheit",
          en: "for capacity_fte: id of the unit"),
        WorkbookColumn(
          "year", "Ab Jahr", "From year", .whole, de: "Jahr im Zeitraum, ab dem der Wert gilt",
          en: "year of the horizon from which the value holds"),
        WorkbookColumn(
          "value", "Wert", "Value", .number, de: "Zahl wie im Schlüssel (VZÄ oder EUR)",
          en: "number as the key says (FTE or EUR)"),
      ]),
    WorkbookSheet(
      "Weitere", "More", .extra,
      [
        WorkbookColumn(
          "path", "Schlüsselpfad", "Key path", .text,
          de:
            "Hinweis: ein Schlüssel, für den kein anderes Blatt eine Spalte hat, als Pfad wie in Meldungen, z. B. units[3].posts oder policy.no_layoffs",
          en:
            "Note: a key no other sheet has a column for, as a path as in messages, e.g. units[3].posts or policy.no_layoffs"
        ),
        WorkbookColumn(
          "value", "Wert (YAML)", "Value (YAML)", .text,
          de: "der Wert, wie er in der Szenariodatei stünde, z. B. 12, true, [a, b] oder {2026: 3}",
          en: "the value as the scenario file would write it, e.g. 12, true, [a, b] or {2026: 3}"),
      ]),
  ]

  /// Keys whose value may be one number or a number per year: a key of a unit (given by the
  /// column `unit` of the year-value sheet) or a key path from the top of the scenario.
  public static let yearValueKeys: [(key: String, perUnit: Bool)] = [
    ("capacity_fte", true),
    ("policy.budget", false),
    ("policy.max_moved_fte_per_wave", false),
  ]

  /// The words for the rules of the rule sheet: the policy key and the words a planner may write.
  static let ruleWords: [(key: String, words: [String])] = [
    ("pilots", ["pilot", "pilots"]),
    ("deadlines", ["frist", "deadline", "deadlines"]),
    ("together", ["gemeinsam", "together"]),
    ("must_move", ["muss wechseln", "must move", "must_move", "wechselt"]),
    ("must_stay", ["bleibt", "must stay", "must_stay", "muss bleiben"]),
  ]
}
