"""The clause grammar: actor, modality and polarity of one provision (grammar/clause.py, grammar/clause.lark)."""
from __future__ import annotations

import doctest
import random
import re
from pathlib import Path

import pytest

import grammar.clause
import grammar.cue_scan
from grammar.cue_scan import TEXT_SEPARATOR, _listed_alternatives, _pattern_for_word, _top_alternatives
from grammar.clause import plan_sentence, read_clause, read_clauses, read_provision, scan_cues, scan_texts
from grammar.models import ClauseReading

N = None  # no actor

# (id, text, actor, modality, polarity)
TREATY_LANGUAGE = [
    # -- binding
    ("each-party-shall", "Each Party shall publish its laws and regulations of general application.", "Each Party", "binding", "positive"),
    ("parties-shall", "The Parties shall cooperate in the field of critical minerals.", "The Parties", "binding", "positive"),
    ("heading-line-is-not-the-actor", "Article 4: Risk Management\nEach Party shall adopt a risk management system.", "Each Party", "binding", "positive"),
    ("united-states-is-not-a-verb", "The United States shall eliminate its duties on cobalt.", "The United States", "binding", "positive"),
    ("shall-ensure", "Each Party shall ensure that its competent authorities apply the procedures in a transparent manner.", "Each Party", "binding", "positive"),
    ("deeming-is-no-duty", "The following shall be considered as wholly obtained in a Party:", N, "none", "positive"),
    ("deemed", "Such goods shall be deemed to be originating in the exporting Party.", N, "none", "positive"),
    ("agreement-replaces-earlier-ones", "The provisions of the present Agreement shall replace the provisions of bilateral agreements concluded earlier.", N, "none", "positive"),
    ("not-construed", "The provisions of paragraphs 1 and 2 shall not be construed to create any direct obligations for undertakings.", N, "none", "positive"),
    ("modal-then-parenthetical-adverb", "The States Parties shall, nevertheless, endeavour to avoid restrictive measures.", "The States Parties", "best_effort", "positive"),
    ("will-where-appropriate-seek", "The Parties will, where appropriate, seek to align their procedures.", "The Parties", "best_effort", "positive"),
    ("shall-at-all-times-endeavour", "The Parties shall at all times endeavour to agree on the interpretation and application of this Agreement.", "The Parties", "best_effort", "positive"),
    ("do-their-utmost", "The Parties will do their utmost to complete the ratification procedures within six months.", "The Parties", "best_effort", "positive"),
    ("a-meeting-held-to-discuss-is-a-fact", "Korea, the United States and Japan held an economic security dialogue on Thursday to discuss supply chains.", "the United States and Japan", "none", "positive"),
    ("met-to-discuss-is-a-fact", "The EU and US met with social partners today to discuss the eradication of forced labour.", "The EU and US", "none", "positive"),
    ("a-mission-is-an-aim", "OFREMI's mission is to strengthen the resilience of strategic industrial sectors.", "OFREMI", "aspirational", "positive"),
    ("purpose-of-an-instrument-named-with-its-short-form", "The purpose of this Memorandum of Understanding (hereinafter – “MoU”) is to establish a Strategic Working Group.", None, "aspirational", "positive"),
    ("may-only-restricts", "These measures may only concern infant industries.", "These measures", "binding", "positive"),
    # A plural noun in a list is no pledge; the verb still pledges.
    ("pledges-in-a-list-of-assets-is-a-noun", "(b) mortgages, liens, pledges and other property rights;", N, "none", "positive"),
    ("pledges-as-a-verb-commits", "Japan pledges to support the project.", "Japan", "commitment", "positive"),
    # Saying what the instrument is not commits no one.
    ("does-not-constitute-a-commitment", "It does not constitute a commitment of funds by either Participant.", N, "none", "positive"),
    ("does-not-create-obligations", "This Memorandum does not create legally binding obligations.", N, "none", "positive"),
    # A prohibition named is not a prohibition imposed; one imposed is.
    ("notify-of-a-prohibition-is-positive", "Each Party shall notify the other Party of any export prohibition.", "Each Party", "binding", "positive"),
    ("impose-a-prohibition-is-negative", "Each Party shall impose a prohibition on the import of conflict minerals.", "Each Party", "binding", "negative"),
    ("the-prohibition-of-is-negative", "The customs union shall comprise the prohibition of all customs duties between the Parties.", "The customs union", "binding", "negative"),
    ("the-prohibition-after-a-tight-dash", "-the prohibition as between the Member States and Turkey of all customs duties;", N, "none", "negative"),
    ("prohibitions-named-as-measures-are-no-prohibition", "This Agreement shall not preclude prohibitions or restrictions on imports justified on grounds of public morality.", N, "none", "positive"),
    ("prohibit-is-negative", "Each Party shall prohibit the export of rough diamonds.", "Each Party", "binding", "negative"),
    # A party's consent given by the agreement binds it; a permission to consent does not.
    ("hereby-consents-binds", "Each Party hereby consents to the submission of a claim to arbitration in accordance with this Section.", "Each Party", "binding", "positive"),
    ("party-consents-binds", "Each Party consents to the submission of a claim to arbitration.", "Each Party", "binding", "positive"),
    ("may-consent-is-discretion", "A Party may consent to the extension of the period.", "A Party", "best_effort", "positive"),
    ("no-provision-may-be-interpreted", "No provision of this Agreement may be interpreted as exempting the Parties from their obligations.", N, "none", "negative"),
    ("nothing-herein", "Nothing herein shall prevent the Contracting Parties from maintaining relations with third countries.", N, "none", "positive"),
    ("declaring-opener", "DECLARING their readiness to examine the possibility of deepening their relations,", N, "aspirational", "positive"),
    ("upholding-opens-a-recital", "UPHOLDING the principle of equality;", N, "aspirational", "positive"),
    ("respecting-opens-a-recital", "RESPECTING the principle of equality and mutual benefit,", N, "aspirational", "positive"),
    ("termination-leeway-then-its-consequence", "Either Party may terminate this Agreement by written notification to the other Party. This Agreement shall expire twelve months after the date of such notification.", "Either Party", "best_effort", "positive"),
    ("withdrawal-leeway-then-its-effect", "Each State Party may withdraw from this Agreement by written notification. The withdrawal shall take effect six months after it is received.", "Each State Party", "best_effort", "positive"),
    ("duration-then-termination-leeway-binds", "This Agreement shall remain in force for five years. Either Party may terminate it by written notice.", "This Agreement", "binding", "positive"),
    ("denouncing-a-treaty-is-leaving-it", "Either Contracting Party may denounce this Agreement by notifying the other Contracting Party in writing.", "Either Contracting Party", "best_effort", "positive"),
    ("concluded-for-a-term-binds", "This Agreement is concluded for an indefinite period of time.", "This Agreement", "binding", "positive"),
    ("a-date-agreed-on-by-is-a-participle", "An amendment takes effect on a date agreed on by the Parties.", N, "none", "positive"),
    ("recital-numbered-with-a-parenthesis", "1) Desiring to strengthen the existing friendly links between the Parties;", N, "aspirational", "positive"),
    ("recital-lettered-with-a-parenthesis", "b) Recognizing that it is desirable that problems be resolved by mutual agreement;", N, "aspirational", "positive"),
    ("scope-with-however-obliges-no-one", "This provision shall not, however, apply to the grant of any advantages to neighbouring countries.", N, "none", "positive"),
    ("referring-opens-a-recital", "REFERRING to the Agreement on Energy Cooperation signed at Manila on 24 June 1986.", N, "aspirational", "positive"),
    ("referring-inside-a-clause-opens-nothing", "Each Party shall apply the measures referring to goods in Annex 1.", "Each Party", "binding", "positive"),
    ("agreed-upon-a-framework-commits", "Consequently, the Participants have agreed upon a mutual policy framework on critical minerals.", "the Participants", "commitment", "positive"),
    ("as-agreed-upon-is-a-participle", "Such other matters as agreed upon by the Parties.", N, "none", "positive"),
    ("desirous-opener", "Desirous to increase the living standards of their populations,", N, "aspirational", "positive"),
    ("modal-then-phrase-in-commas-then-endeavour", "Turkey shall, after the entry into force of this Protocol, endeavour to improve the conditions accorded to capital.", "Turkey", "best_effort", "positive"),
    ("a-length-stated", "The duration of the transitional stage shall be twelve years.", N, "none", "positive"),
    ("objectives-with-a-relative-clause", "The objectives of this Agreement, which is based on trade relations between market economies, are:", N, "aspirational", "positive"),
    ("provisions-of-articles-inclusive", "The provisions of Articles 21 to 27 inclusive shall not prevent restrictions on imports.", N, "none", "positive"),
    ("governed-by-binds", "The rights and obligations of the Parties relating to subsidies shall be governed by Article XVI of the GATT 1994.", "The rights and obligations of the Parties relating to subsidies", "binding", "positive"),
    ("integral-part", "The Annexes and footnotes to this Agreement shall constitute an integral part of this Agreement.", N, "none", "positive"),
    ("considered-by-is-a-duty", "The request shall be considered by the Joint Committee within 30 days.", "The request", "binding", "positive"),
    ("treated-no-less-favourably-is-a-duty", "Such goods shall be treated no less favourably than like domestic goods.", "Such goods", "binding", "positive"),
    ("scope-of-paragraph", "The provisions of paragraph 1 shall not apply to products referred to in Chapter II.", N, "none", "positive"),
    ("scope-mutatis-mutandis", "Article XX of the GATT 1994 shall apply, mutatis mutandis, to this Chapter.", N, "none", "positive"),
    ("party-shall-apply-to", "Each Party shall apply to originating goods the rates of duty set out in its Schedule.", "Each Party", "binding", "positive"),
    ("party-shall-apply", "The Parties shall apply their sanitary regulations in a non-discriminatory manner.", "The Parties", "binding", "positive"),
    ("agreed-that-shall", "It is agreed that consultations shall be held in the Joint Committee.", N, "binding", "positive"),
    ("have-agreed-that-shall", "The Contracting Parties have agreed that re-exportation shall be regulated by a separate agreement.", "The Contracting Parties", "binding", "positive"),
    ("agreed-that-shall-not", "The Parties agreed that no new duties shall be introduced.", "The Parties", "binding", "negative"),
    ("passive-considered", "A good is considered originating if it is wholly obtained in a Party.", N, "none", "positive"),
    ("long-negated-subject", "No new customs duties on exports or any other charges having equivalent effect shall be introduced in trade between the Parties.", N, "binding", "negative"),
    ("passive-intended-describes", "This Memorandum of Understanding is not intended to be legally binding under international law.", N, "none", "positive"),
    ("passive-intended-intends", "This Memorandum of Understanding is intended to commence upon signature by both Participants.", "This Memorandum of Understanding", "aspirational", "positive"),
    ("active-intend-aspires", "The Participants intended to meet again before the end of the year.", "The Participants", "aspirational", "positive"),
    ("negated-auxiliary-is-not-actor", "The Parties have not yet decided to open negotiations.", "The Parties", "commitment", "positive"),
    ("auxiliary-is-not-actor", "The Participants have decided to promote investment in mining.", "The Participants", "commitment", "positive"),
    ("must", "The exporter must keep the records for at least five years.", "The exporter", "binding", "positive"),
    ("undertake-to", "The Parties undertake to notify each other of any change to their export licensing procedures.", "The Parties", "binding", "positive"),
    ("are-obliged-to", "The Parties are obliged to consult within 30 days of the request.", "The Parties", "binding", "positive"),
    ("is-required-to", "The importing Party is required to provide a written explanation.", "The importing Party", "binding", "positive"),
    ("committee-shall", "The Committee shall meet at least once a year.", "The Committee", "binding", "positive"),
    ("joint-committee-shall", "The Joint Committee shall review the implementation of this Chapter.", "The Joint Committee", "binding", "positive"),
    ("enumerated-paragraph", "1. Each Party shall designate a contact point to facilitate communication.", "Each Party", "binding", "positive"),
    ("lettered-item-own-modal", "(a) each Party shall maintain a register of licensed exporters;", "each Party", "binding", "positive"),
    ("shall-adverb", "The Parties shall also exchange information on their stockpiling policies.", "The Parties", "binding", "positive"),
    ("recital-with-a-comma-in-its-that-clause",
     "Considering that the institutional, technical and scientific cooperation shall contribute to the strengthening of relations;",
     N, "aspirational", "positive"),
    ("opener-then-main-clause-binds", "Recognizing the need for cooperation, the Parties shall cooperate.", "the Parties", "binding", "positive"),
    ("numbered-recital-aspires", "(ii) Being aware of the growth in their trade and investment;", N, "aspirational", "positive"),
    ("numbered-recital-desiring", "(i) Desiring to enhance the friendship and cooperation between both Parties;", N, "aspirational",
     "positive"),
    ("lowercase-participle-item-is-no-recital", "(d) considering any other matter referred to it by a Party;", N, "none", "positive"),
    ("committed-to-considering-aspires", "We remain committed to considering a range of approaches.", "We", "aspirational", "positive"),
    ("we-condemn-declares", "We condemn, in the strongest possible terms, the unlawful invasion.", "We", "aspirational", "positive"),
    ("we-express-solidarity", "We further express solidarity with the people of Ukraine.", "We", "aspirational", "positive"),
    ("we-are-grateful", "We are grateful to our colleagues for their participation.", "We", "aspirational", "positive"),
    ("reported-condemned-is-a-fact", "Japan condemned the attack on Tuesday.", N, "none", "positive"),
    ("parties-understand-that-interprets",
     "2. The Parties understand that the rights and obligations of the GATT 1994 prohibit any restriction that is prohibited:",
     N, "none", "negative"),
    ("fullest-extent-caps-duty", "This objective shall be pursued to the fullest extent that the resources of both countries permit.",
     "This objective", "best_effort", "positive"),
    ("cognizant-opens-a-recital", "Cognizant of the recent developments in the international trading environment;", N, "aspirational",
     "positive"),
    ("pursuant-to-opens-a-recital", "PURSUANT to the prevailing laws and regulations of their respective countries;", N, "aspirational",
     "positive"),
    ("pursuant-to-then-main-clause", "Pursuant to Article 5, the Parties shall consult.", "the Parties", "binding", "positive"),
    ("as-appropriate-caps-duty", "The Parties shall, as appropriate, cooperate in international fora.", "The Parties", "best_effort", "positive"),
    ("where-appropriate-on-a-list-entry-keeps-duty",
     "Each Party shall adopt measures that allow for civil penalties and, where appropriate, criminal penalties.", "Each Party",
     "binding", "positive"),
    ("or-both-as-appropriate-keeps-duty", "The latter Party shall provide restitution, compensation, or both, as appropriate.",
     "The latter Party", "binding", "positive"),
    ("shall-be-construed-nothing", "Nothing in this Agreement shall be construed to require a Party to furnish confidential information.", N, "none", "positive"),
    ("nothing-shall-prevent", "Nothing in this Chapter shall prevent a Party from adopting measures to protect the environment.", N, "none", "positive"),
    ("conditional-main-clause", "If a Party considers that a measure is inconsistent with this Chapter, it may request consultations.", N, "best_effort", "positive"),
    ("where-conditional", "Where a Party adopts a new export restriction, that Party shall notify the other Party promptly.", "that Party", "binding", "positive"),
    ("two-sentences-strongest", "The Parties recognise the importance of transparency. To that end, each Party shall publish its measures.", "each Party", "binding", "positive"),
    ("appositive-subject", "The Committee, composed of representatives of each Party, shall adopt its rules of procedure.", "The Committee", "binding", "positive"),
    ("subject-to-opener", "Subject to paragraph 2, each Party shall accord national treatment to the goods of the other Party.", "each Party", "binding", "positive"),
    ("there-shall-be", "There shall be a Committee on Trade in Goods composed of representatives of each Party.", N, "binding", "positive"),
    ("long-subject-no-actor", "Goods imported into one Party from another Party under a certificate of origin issued before entry into force shall not be subject to safeguard measures.", N, "binding", "negative"),
    ("uppercase", "EACH PARTY SHALL PUBLISH ITS MEASURES.", "EACH PARTY", "binding", "positive"),
    # -- binding, negative
    ("neither-shall-adopt", "Neither Party shall adopt or maintain any duty, tax or other charge on the export of any good to the territory of the other Party.", "Neither Party", "binding", "negative"),
    ("no-party-shall", "No Party shall impose export duties on critical minerals.", "No Party", "binding", "negative"),
    ("shall-not", "A Party shall not adopt or maintain any prohibition or restriction on the exportation of any good.", "A Party", "binding", "negative"),
    ("must-not", "The Parties must not discriminate between suppliers of the other Party.", "The Parties", "binding", "negative"),
    ("agree-not-to", "The Parties agree not to impose export taxes on battery materials.", "The Parties", "binding", "negative"),
    ("undertake-not-to", "Each Party undertakes not to introduce new restrictions on trade in critical minerals.", "Each Party", "binding", "negative"),
    ("may-not", "A Party may not apply a safeguard measure to a good for more than four years.", "A Party", "binding", "negative"),
    ("shall-refrain-from", "Each Party shall refrain from imposing export restrictions on the goods listed in Annex 2.", "Each Party", "binding", "negative"),
    ("no-noun-shall", "No customs duty shall be levied on goods originating in the other Party.", N, "binding", "negative"),
    ("are-prohibited", "Export subsidies on agricultural goods are prohibited.", "Export subsidies on agricultural goods", "binding", "negative"),
    ("shall-prohibit", "Each Party shall prohibit the importation of goods produced by forced labour.", "Each Party", "binding", "negative"),
    ("shall-not-adopt-conditional", "If the goods are in transit, the Party concerned shall not levy any duty.", "the Party concerned", "binding", "negative"),
    # -- commitment
    ("will", "The Parties will exchange views on their respective stockpiling strategies.", "The Parties", "commitment", "positive"),
    ("commit-to", "The Participants commit to promoting responsible mining practices.", "The Participants", "commitment", "positive"),
    ("are-committed-to", "Both sides are committed to strengthening supply chain resilience.", "Both sides", "commitment", "positive"),
    ("agree-to", "The Parties agree to establish a working group on critical minerals.", "The Parties", "commitment", "positive"),
    ("hereby-agree", "The Parties hereby agree to cooperate on the recycling of batteries.", "The Parties", "commitment", "positive"),
    ("pledge", "The two governments pledge to mobilise investment in processing capacity.", "The two governments", "commitment", "positive"),
    ("agreed-that-will", "Canada and Japan agreed that they will hold annual consultations.", "Canada and Japan", "commitment", "positive"),
    ("participle-inside-subject", "A Party seeking to apply a safeguard measure shall notify the other Party.", "A Party seeking to apply a safeguard measure", "binding", "positive"),
    ("participle-after-or", "The Party initiating an investigation or intending to take safeguard measures shall consult the other Party.", N, "binding", "positive"),
    ("notice-of-intention-is-no-aspiration", "The disputing investor shall deliver written notice of its intention to submit a claim.", "The disputing investor", "binding", "positive"),
    ("may-but-not-obliged", "A Party may, but shall not be obliged to, implement more extensive protection.", "A Party", "best_effort", "positive"),
    ("not-required", "The Parties are not required to disclose confidential information.", N, "none", "positive"),
    ("may-require-that-must", "Each Party may require that, in the case of incorporation under its own law, investors must adopt a specific legal form.", "Each Party", "best_effort", "positive"),
    ("as-the-case-may-be", "The Community or Croatia, as the case may be, shall supply the Council with all relevant information.", "The Community or Croatia", "binding", "positive"),
    ("as-may-be-agreed", "The amendment shall enter into force on such date as may be agreed by the Parties.", "The amendment", "binding", "positive"),
    ("efta-states-is-a-noun", "Egypt and the EFTA States shall neither apply customs duties nor quantitative restrictions to exports.", "Egypt and the EFTA States", "binding", "negative"),
    # "states" reports before "that", and reported speech reads as what it reports (see NEWS_LANGUAGE).
    ("states-that-reports", "Article 5 states that each Party shall publish its measures.", "each Party", "binding", "positive"),
    ("may-arise-permits-no-one", "The functions of the Steering Committee include: resolving disputes that may arise during the implementation.", N, "none", "positive"),
    ("reduced-rate-shall-apply", "If a tariff reduction is applied erga omnes, the reduced rate shall apply.", N, "binding", "positive"),
    ("chapter-shall-apply-comma", "This Chapter shall apply, as set out in each Party's schedule, to measures affecting temporary entry.", N, "none", "positive"),
    ("aimed-at", "The cooperation is in particular aimed at increasing the efficiency of policies.", "The cooperation", "aspirational", "positive"),
    ("objectives-of-policy-are", "Objectives of coordinated transport policy are: reduction of the harmful effects of transport;", N, "aspirational", "positive"),
    ("to-strengthen-opener", "To strengthen trade and investment cooperation between the two sides, through the following measures:", N, "aspirational", "positive"),
    ("purpose-opener-without-comma", "To enhance the flow of goods across their borders the customs administration of each Party shall regularly review these procedures.", N, "binding", "positive"),
    ("recital-that-shall-stays-recital", "RECOGNISING that each Party shall retain the right to regulate;", N, "aspirational", "positive"),
    # An infinitive of purpose is no verb of the clause: the item reads under its lead-in, in its document.
    ("to-encourage-inside-item", "conferences, seminars and other events to encourage participation;", N, "none", "positive"),
    ("to-encourage-after-a-past-measure", "Indonesia banned exports of nickel ore in 2020 to encourage investment in smelters.", N, "none", "positive"),
    # docs/labelling.md: "Forecasts with no actor commit no one → none: 'The project will create 500 jobs'".
    ("present-tense-establishing-of-a-body-binds", "The Parties establish a Joint Committee composed of representatives of the Parties.", "The Parties", "binding", "positive"),
    ("spanish-establishing-of-a-body-binds", "Las Partes establecen la Comisión Administradora del Tratado, integrada por los Ministros.", "Las Partes", "binding", "positive"),
    ("are-seeking-to-is-an-effort", "Both countries are seeking to diversify sources of critical minerals.", "Both countries", "best_effort", "positive"),
    ("determined-to-is-an-intention", "The Parties are determined to deepen cooperation on clean energy.", "The Parties", "aspirational", "positive"),
    ("a-project-will-forecasts", "The project will create 500 jobs.", N, "none", "positive"),
    ("a-refinery-will-forecasts", "The refinery will produce 10,000 tonnes of lithium hydroxide a year.", N, "none", "positive"),
    ("an-instrument-will-help-forecasts", "This partnership will help build new supply chains for India.", N, "none", "positive"),
    ("a-protocol-will-inject-forecasts", "The upgrade protocol will inject more confidence and momentum into regional growth.", N, "none", "positive"),
    # (Not "open": "the first-phase deal would open up Japanese markets" is the market access the parties agreed.)
    ("an-agreement-will-cover-forecasts", "The agreement will cover a population of 780 million.", N, "none", "positive"),
    ("a-protocol-will-establish-commits", "The protocol will establish a joint committee.", "The protocol", "commitment", "positive"),
    ("an-agreement-will-reports-a-commitment", "The agreement will establish a working group.", "The agreement", "commitment", "positive"),
    ("agreed-to-recognize-commits", "The Parties agreed to recognize each other's certificates.", "The Parties", "commitment", "positive"),
    ("agree-that-fact-recognises", "The Parties agree that administrative cooperation is essential for the implementation of this Title.", "The Parties", "aspirational", "positive"),
    ("agree-that-shall-past-commas", "The Parties agree that their customs legislation, provisions and procedures shall be based upon international standards.", "The Parties", "binding", "positive"),
    ("provisions-of-articles-shall-not-preclude", "The provisions of Articles 11 and 12 shall not preclude restrictions on imports justified on grounds of public morality.", N, "none", "positive"),
    ("nothing-in-articles", "Nothing in Articles 11 and 12 shall prevent the adoption of measures necessary to protect public morals.", N, "none", "positive"),
    ("shall-aim-at", "Cooperation shall aim at preventing deterioration of the environment.", "Cooperation", "aspirational", "positive"),
    ("cooperation-aimed-at-is-no-verb", "The Community and Hungary shall establish cooperation aimed at strengthening economic links.", "The Community and Hungary", "binding", "positive"),
    ("agree-upon-the-need", "The Contracting Parties agree upon the need to promote improved working conditions for workers.", "The Contracting Parties", "aspirational", "positive"),
    ("recital-that-states-must", "RECOGNIZING that states must maintain the ability to preserve their cultural policies;", N, "aspirational", "positive"),
    ("recital-ways-and-means", "EXPRESSING their preparedness to co-operate in seeking ways and means to strengthen this process;", N, "aspirational", "positive"),
    ("nothing-in-the-present", "Nothing in the present Agreement shall hinder the Parties from maintaining relations with third states.", N, "none", "positive"),
    ("without-prejudice", "The provisions of this Agreement shall be without prejudice to the rights of the Parties under the WTO Agreement.", N, "none", "positive"),
    ("shall-recognise-binds", "Each Party shall recognise the results of conformity assessment procedures conducted in the other Party.", "Each Party", "binding", "positive"),
    ("incompatible-with-forbids", "The following are incompatible with the proper functioning of this Agreement: all agreements between undertakings;", "The following", "binding", "negative"),
    ("may-and-shall", "Either Participant may discontinue cooperation at any time and shall provide written notice.", "Either Participant", "binding", "positive"),
    ("may-then-other-shall", "A Party may request consultations, and the other Party shall reply within ten days.", "A Party", "binding", "positive"),
    ("will-then-may-stays", "The Parties will cooperate, and may exchange information.", "The Parties", "commitment", "positive"),
    ("relative-shall-does-not-lift", "Each Party may adopt measures, which shall be notified.", "Each Party", "best_effort", "positive"),
    ("establishes-commitments", "The agreement establishes several new commitments and areas for joint cooperation.", "The agreement", "commitment", "positive"),
    ("decided-to", "The two sides decided to set up a joint task force.", "The two sides", "commitment", "positive"),
    ("will-not", "The Participants will not impose new export restrictions during the consultations.", "The Participants", "commitment", "negative"),
    ("agree-non-imposition", "The Parties agree to the non-imposition of export duties on critical minerals.", "The Parties", "commitment", "negative"),
    # Signing is a reported act, not the commitment the signed text makes (three held-out annotators, 8 rows of 11).
    ("signed-memorandum", "The two sides signed a memorandum of cooperation on battery supply chains.", N, "none", "positive"),
    # -- best effort
    ("shall-endeavour", "The Parties shall endeavour to facilitate trade in environmental goods.", "The Parties", "best_effort", "positive"),
    ("shall-endeavor-us", "Each Party shall endeavor to apply its customs procedures in a predictable manner.", "Each Party", "best_effort", "positive"),
    ("shall-also-endeavour", "The Parties shall also endeavour to promote recycling.", "The Parties", "best_effort", "positive"),
    ("shall-make-every-effort", "The Parties shall make every effort to reach a mutually satisfactory solution.", "The Parties", "best_effort", "positive"),
    ("will-seek-to", "The Participants will seek to align their due diligence standards.", "The Participants", "best_effort", "positive"),
    ("strive", "The Parties shall strive to ensure that mining operations respect labour rights.", "The Parties", "best_effort", "positive"),
    ("best-efforts", "Each Party shall use its best efforts to resolve the matter.", "Each Party", "best_effort", "positive"),
    ("to-the-extent-possible", "Each Party shall, to the extent possible, publish in advance any measure it proposes to adopt.", "Each Party", "best_effort", "positive"),
    ("where-practicable", "Where practicable, each Party shall accept documents in electronic format.", "each Party", "best_effort", "positive"),
    ("may-discretion", "The Parties may agree to extend the period referred to in paragraph 1.", "The Parties", "best_effort", "positive"),
    ("may-request", "Either Party may request consultations regarding any matter arising under this Chapter.", "Either Party", "best_effort", "positive"),
    ("should", "The Parties should exchange information on their stockpiles.", "The Parties", "best_effort", "positive"),
    ("should-not", "Technical regulations should not create unnecessary obstacles to trade.", "Technical regulations", "best_effort", "negative"),
    ("restrictive-relative", "A Party that adopts a new export licensing procedure shall notify the other Party.", "A Party", "binding", "positive"),
    ("relative-with-own-modal", "Measures which may affect trade in critical minerals shall be notified to the Committee.", "Measures", "binding", "positive"),
    ("condition-without-comma", "If a Party considers the measure necessary it may apply it provisionally.", N, "best_effort", "positive"),
    ("endeavour-refrain", "Each Party shall endeavour to refrain from introducing new non-tariff barriers.", "Each Party", "best_effort", "negative"),
    # -- aspirational
    ("intend-to", "The Participants intend to develop a joint roadmap on critical minerals.", "The Participants", "aspirational", "positive"),
    ("aim-to", "The Parties aim to diversify their sources of supply.", "The Parties", "aspirational", "positive"),
    ("plan-to", "The Participants plan to hold an annual dialogue.", "The Participants", "aspirational", "positive"),
    ("reaffirm-a-commitment-commits", "The Participants reaffirm their commitment to open and fair trade.", "The Participants", "commitment", "positive"),
    ("affirm-obligations", "The Parties affirm their rights and obligations under the WTO Agreement.", "The Parties", "aspirational", "positive"),
    ("note-the", "The Parties note the multilateral negotiations on emergency safeguard measures.", "The Parties", "aspirational", "positive"),
    ("underline", "They underline the benefit of cooperation on trade-related labour issues.", "They", "aspirational", "positive"),
    ("take-note-of", "The Parties take note of the report of the working group.", "The Parties", "aspirational", "positive"),
    ("shall-take-note-binds", "The Committee shall take note of any representations by the other Party.", "The Committee", "binding", "positive"),
    ("signalled-intent", "The two governments signalled their intent to negotiate a critical minerals agreement.", "The two governments", "aspirational", "positive"),
    ("expressed-readiness", "The Parties expressed their readiness to cooperate on recycling.", "The Parties", "aspirational", "positive"),
    ("aiming-opener", "Aiming at fostering economic activities and full employment,", N, "aspirational", "positive"),
    ("shall-consider", "The Parties shall consider extending the scope of this Chapter to services.", "The Parties", "binding", "positive"),
    ("will-consider", "The Parties will consider extending the scope of this Chapter to services.", "The Parties", "aspirational", "positive"),
    # The operative present tense of the agreements among former Soviet republics, right after the Parties; not a fact
    # in a condition, nor a country's act in the news.
    ("present-tense-negative", "1. Sides do not impose customs duties on exports of goods originating in the other Side.", "Sides", "binding", "negative"),
    ("present-tense-duty", "Each Side guarantees the exemption of transit goods from customs duties.", "Each Side", "binding", "positive"),
    ("present-tense-news", "China imposes export controls on gallium and germanium.", None, "none", "positive"),
    # Scope, savings and precedence rules oblige no one, however the subject or the verb is worded.
    ("scope-likewise", "These provisions shall likewise apply to monopolies delegated by the State to others.", None, "none", "positive"),
    ("savings-hinder", "The present Agreement shall not hinder any Party from establishing relations with third countries.", None, "none", "positive"),
    ("savings-action-under-it", "This Agreement or any action taken under it shall not affect the rights of a Party under existing agreements.", None, "none", "positive"),
    ("precedence-prevalence", "In case of differences of interpretation the text in Russian shall have prevalence.", None, "none", "positive"),
    ("explore", "The Parties will explore opportunities for joint investment in refining.", "The Parties", "aspirational", "positive"),
    ("recognise", "The Parties recognise the importance of secure supply chains for critical minerals.", "The Parties", "aspirational", "positive"),
    ("recognize-us", "The Participants recognize that diversified supply chains strengthen economic security.", "The Participants", "aspirational", "positive"),
    ("share-the-view", "Both countries share the view that transparency is essential.", "Both countries", "aspirational", "positive"),
    ("welcome", "The leaders welcome the progress achieved by the working group.", "The leaders", "aspirational", "positive"),
    ("look-forward", "The Participants look forward to deepening their cooperation.", "The Participants", "aspirational", "positive"),
    ("shall-encourage-binds", "The Parties shall encourage enterprises to adopt responsible sourcing practices.", "The Parties", "binding", "positive"),
    ("encourage-alone", "The Participants encourage enterprises to adopt responsible sourcing practices.", "The Participants", "aspirational", "positive"),
    ("supports-alone", "The United States supports Australia's efforts to expand processing capacity.", "The United States", "aspirational", "positive"),
    ("neither-party-may-forbids", "Neither Party may adopt or maintain any duty on the export of any good.", "Neither Party", "binding", "negative"),
    ("no-party-may-forbids", "Except as otherwise provided in this Agreement, no Party may adopt any prohibition on the importation of any good.", "no Party", "binding", "negative"),
    ("progressive-action", "The Participants are taking measures to accelerate permitting timelines.", "The Participants", "commitment", "positive"),
    ("leaders-direct", "We direct our Governments to report back to us on progress by the end of the year.", "We", "commitment", "positive"),
    ("hereby-establish", "1. The Parties hereby establish a Committee on Trade in Goods, comprising representatives of each Party.", "The Parties", "binding", "positive"),
    ("is-hereby-established", "A Sub-Committee on Rules of Origin is hereby established.", "A Sub-Committee on Rules of Origin", "binding", "positive"),
    ("commitments-lead-in", "Here are some of the main new commitments and programmes that emerged from the meeting:", N, "commitment", "positive"),
    ("commitments-no-list", "The new commitments are ambitious.", N, "none", "positive"),
    ("proposed-deeper", "Washington also proposed deeper coordination among allied and partner economies.", "Washington", "aspirational", "positive"),
    ("proposed-to-is-no-verb", "Amendments proposed to the Joint Committee shall be adopted by consensus.", "Amendments proposed to the Joint Committee", "binding", "positive"),
    ("a-proposed-venture", "In October, the government vetoed a proposed joint venture between two companies.", N, "none", "positive"),
    ("expressed-strong-interest", "Resource-rich countries expressed strong interest in technology cooperation with South Korea.", "Resource-rich countries", "aspirational", "positive"),
    ("we-need-to", "We need to cooperate better and show more solidarity.", N, "aspirational", "positive"),
    ("no-subject-with-commas", "2. No new customs duties, nor any duties or taxes of equivalent effect, may be imposed on goods traded between the Member Countries.", N, "binding", "negative"),
    ("if-no-agreement-is-no-subject", "If no agreement has been reached, then a dispute may be submitted to the commission of experts.", N, "best_effort", "positive"),
    ("rights-shall-include", "2. With respect to paragraph 1, intellectual property rights shall include, in particular, protection of copyrights.", N, "none", "positive"),
    ("cooperation-shall-include", "Cooperation shall include the exchange of pertinent information that is available to the Parties.", "Cooperation", "binding", "positive"),
    ("shall-aspire-to", "The Contracting Parties shall aspire to avoid conflict situations in mutual trade.", "The Contracting Parties", "best_effort", "positive"),
    ("seek-all-means", "They shall seek all means of promoting the investment of capital.", "They", "best_effort", "positive"),
    ("no-measures-shall-apply", "3. No restrictive measures shall apply to transfers related to investments.", N, "binding", "negative"),
    ("establish-an-area", "1. Turkey and Estonia establish a free trade area upon the entry into force of this Agreement.", "Turkey and Estonia", "binding", "positive"),
    ("to-establish-an-area", "The leaders launched negotiations to establish a free trade area.", N, "none", "positive"),
    ("apply-between-themselves", "Without prejudice to the provisions of the GATT 1994, the EFTA States and Tunisia shall not apply to exports between themselves either customs duties or charges having equivalent effect.", "the EFTA States and Tunisia", "binding", "negative"),
    ("apply-to-exports-is-scope", "Paragraph 1 shall not apply to exports of products listed in Annex II.", N, "none", "positive"),
    ("the-said-is-no-report", "The volume and period of application of the said measures should be limited.", "The volume and period of application of the said measures", "best_effort", "positive"),
    ("states-noun-is-no-report", "The terms of transit of freight through the territory of states shall be regulated by international rules.", N, "binding", "positive"),
    ("according-to-is-no-verb", "Exclusion from this trade regime according to the Goods Nomenclature shall be in the form of documents.", "Exclusion from this trade regime according to the Goods Nomenclature", "binding", "positive"),
    ("scope-apply-to", "This Chapter shall apply to measures adopted or maintained by a Party relating to investors.", N, "none", "positive"),
    ("scope-not-apply", "This Chapter shall not apply to government procurement.", N, "none", "positive"),
    ("savings-not-prevent", "This Agreement shall not prevent the maintenance or establishment of customs unions.", N, "none", "positive"),
    ("shall-not-apply-measures-binds", "The Parties shall not apply export restrictions on raw materials.", "The Parties", "binding", "negative"),
    ("reserve-the-right", "The Parties reserve the right to apply exchange restrictions on short-term credits.", "The Parties", "best_effort", "positive"),
    ("shall-be-open-for", "It shall be open for a participating country to enter into renegotiations.", N, "best_effort", "positive"),
    # An arrangement stated as settled reads as "will be made" does; an author's aside does not.
    ("are-to-be-made", "Payments under this Agreement are to be made at prices consistent with those prevailing in the market.", "Payments under this Agreement", "commitment", "positive"),
    ("is-to-be-approved", "The Roadmap of fulfillment of the Memorandum provisions is to be approved by August 1, 2014.", "The Roadmap of fulfillment of the Memorandum provisions", "commitment", "positive"),
    ("is-to-be-noted-is-an-aside", "It is to be noted that the investments are expected to flow in from private firms.", N, "none", "positive"),
    ("are-to-be-applied-in-a-relative-clause", "For each product the basic duty to which the reductions set out in this Agreement are to be applied shall be the Most Favoured Nation rate.", "For each product the basic duty to", "none", "positive"),
    ("arrangement-in-a-condition", "The results of the evaluation where the contract is to be awarded on the basis of price.", N, "none", "positive"),
    ("arrangement-in-a-relative-clause", "The basic duty, to which successive reductions are to be applied, is the MFN duty.", N, "none", "positive"),
    ("goal-is-to-be-no-arrangement", "The goal is to be a leader in clean energy.", N, "aspirational", "positive"),
    ("recall", "The Parties recall the obligations deriving from membership of the ILO.", "The Parties", "aspirational", "positive"),
    ("verb-inside-a-condition-before-a-comma", "The present Treaty is subject to ratification and shall enter into force on the date on which the depositary receives the last notification, but no earlier than 2015.", N, "binding", "positive"),
    ("verb-inside-relatives-before-a-comma", "Treatment accorded to workers who are legally employed in the territory of a Member State shall be free of any discrimination, as regards working conditions.", "Treatment accorded to workers", "binding", "positive"),
    ("confirm-rights", "The Parties confirm their rights and obligations under the WTO Agreement on Technical Barriers to Trade.", "The Parties", "aspirational", "positive"),
    ("preamble-striving", "Striving for development of trade and economic cooperation between the Parties;", N, "aspirational", "positive"),
    # A fact sheet's heading in capitals before a colon is a label, not a recital; a recital's capitals stop at its participle.
    ("capitals-heading-is-no-recital", "BUILDING ON PRESIDENT TRUMP'S AMERICA FIRST AGENDA: This agreement follows similar frameworks signed with Australia and Japan.", N, "none", "positive"),
    ("capitals-heading-then-a-pledge", "BUILDING ON PRESIDENT TRUMP'S AGENDA: The two countries will invest in processing.", "The two countries", "commitment", "positive"),
    ("recital-before-a-colon-still-aspires", "RECOGNIZING the importance of critical minerals: resilient supply chains matter.", N, "aspirational", "positive"),
    ("purpose-is-to", "The purpose of this Memorandum of Understanding is to strengthen cooperation between the Participants.", N, "aspirational", "positive"),
    ("preamble-recognizing", "RECOGNIZING the importance of critical minerals for the energy transition;", N, "aspirational", "positive"),
    ("preamble-desiring", "DESIRING to strengthen their economic partnership;", N, "aspirational", "positive"),
    ("preamble-further-recognizing", "FURTHER RECOGNIZING the need to diversify supply chains;", N, "aspirational", "positive"),
    ("preamble-having-regard", "HAVING REGARD to the Treaty establishing the European Community;", N, "aspirational", "positive"),
    ("having-regard-inside-a-duty", "The Parties shall, having regard to their obligations, notify the Committee.", "The Parties", "binding", "positive"),
    ("preamble-resolved", "RESOLVED to promote sustainable development;", N, "aspirational", "positive"),
    ("seek-to-strengthen", "The Participants hope to strengthen cooperation on exploration.", "The Participants", "aspirational", "positive"),
    # -- none
    ("definition", 'For the purposes of this Chapter, "customs duty" means any duty or charge of any kind imposed on the importation of a good.', N, "none", "positive"),
    ("definition-plain", "critical mineral means a mineral listed in Annex 1;", N, "none", "positive"),
    ("shall-mean", "The term export duty shall mean any tax levied on goods destined for export.", N, "none", "positive"),
    ("heading", "Export Duties", N, "none", "positive"),
    ("fact", "This Agreement entered into force on 1 January 2020.", N, "none", "positive"),
    ("empty", "", N, "none", "positive"),
    ("number-only", "2.", N, "none", "positive"),
    ("bullet-negative-no-lead", "Non-imposition of export duties on critical minerals;", N, "none", "negative"),
    ("quotation-ignored", '"Each Party shall publish its measures" is the first sentence of Article 3.', N, "none", "positive"),
    ("shall-be-the-identifies", "The applicable rates for imports between the Parties shall be the WTO bound rates.", N, "none", "positive"),
    ("shall-be-the-responsibility", "It shall be the responsibility of the Committee to supervise this Agreement.", N, "binding", "positive"),
    ("shall-be-the-same", "These time-periods shall be the same for all interested suppliers.", "These time-periods", "binding", "positive"),
    ("agreed-that-identifies", "The Parties have agreed that transit freedom shall be the most important condition of this Agreement.", "The Parties", "aspirational", "positive"),
    ("undertakes-however-not-to", "San Marino undertakes, however, not to accord higher export refunds.", "San Marino", "binding", "negative"),
    ("is-entrusted-to", "Control over the application of this Agreement is entrusted to the working group.", "Control over the application of this Agreement", "binding", "positive"),
    ("means-of-is-a-noun", "Means of assistance may include the exchange of information and training.", "Means of assistance", "best_effort", "positive"),
    ("month-may", "The agreement signed in May entered into force later.", N, "none", "positive"),
]

# The seeds' news language (reported speech).
NEWS_LANGUAGE = [
    ("provides-a-framework-for-aspires", "This Partnership provides a framework for building secure supply chains.", "This Partnership",
     "aspirational", "positive"),
    ("provides-the-basis-for-is-no-aim", "Article 3 provides the basis for the calculation of duties.", N, "none", "positive"),
    ("it-is-imperative-to", "It is imperative to diversify supply chains away from single suppliers.", N, "aspirational", "positive"),
    ("relative-after-comma-decides-nothing", "Officials began drafting the rules after the summit, which aimed to ease trade tensions.",
     N, "none", "positive"),
    ("restrictive-relative-still-decides", "A Party that adopts a safeguard measure shall notify it.", "A Party", "binding", "positive"),
    ("demonstrative-subject-forecasts", "These measures will also contribute to lower prices for consumers.", N, "none",
     "positive"),
    ("pronoun-will-make-forecasts", "It will make trade between the two economies fairer.", N, "none", "positive"),
    ("undertake-efforts", "The two governments will undertake efforts to reduce methane emissions.", "The two governments",
     "best_effort", "positive"),
    ("highlighted-the-crucial-importance", "The ministers highlighted the crucial importance of secure supply chains.", "The ministers",
     "aspirational", "positive"),
    ("won't", "Japan won't impose export duties on lithium, the minister said.", "Japan", "commitment", "negative"),
    ("seed-agreed-to", "Canada and Japan on Thursday agreed to work more closely together to establishing sustainable and reliable global battery supply chains, the Canadian government said in a statement.", "Canada and Japan", "commitment", "positive"),
    ("seed-will-sign", "TOKYO: The leaders of Japan and Peru will sign a joint statement later this month on cooperation in mineral mining technology, aimed at strengthening their supply chains for critical minerals through Japanese technology, the Nikkei business daily said on Saturday.", "The leaders of Japan and Peru", "commitment", "positive"),
    ("seed-aim-to", "The two governments aim to create stable supply chains in Peru for critical minerals such as copper and zinc through technology provided by Japanese companies, the Nikkei said without citing specific sources.", "The two governments", "aspirational", "positive"),
    ("seed-plan-to", "In addition, Japan and Peru plan to compile a 10-year roadmap outlining concrete measures across five areas, including economic cooperation for securing mineral resources and energy procurement, personnel exchange and security, Nikkei said.", "Japan and Peru", "aspirational", "positive"),
    ("seed-relative-clause", "Japanese Prime Minister Shigeru Ishiba, who plans to visit Peru for the Asia-Pacific Economic Cooperation (APEC) leaders' summit on Nov. 15-16, will also hold a bilateral meeting with Peru's leader, according to Nikkei.", "Japanese Prime Minister Shigeru Ishiba", "commitment", "positive"),
    ("seed-agreed-that-must", "Considering the reality that both countries rely on imports for much of their energy and resources, both sides agreed that ``both countries must cooperate to build a stable energy and resource supply network.''", "both sides", "commitment", "positive"),
    ("seed-decided-to-discuss", "Recognizing this, we decided to discuss cooperation plans through a variety of opportunities, including MSP and International Energy Agency (IEA) meetings.", N, "aspirational", "positive"),
    ("seed-decided-to-explore", "Through this, the two countries decided to explore long-term and concrete cooperation plans in the core mineral field.", "the two countries", "aspirational", "positive"),
    ("seed-both-countries-will", "Both countries will establish a new working council on core minerals in accordance with the MOU.", "Both countries", "commitment", "positive"),
    ("seed-japan-will-expand", "TOKYO -- Japan will expand its reserves of metals crucial to the production of electric vehicles and high-tech gadgets, aiming to keep pace with rising demand and ensure access as China gains increasing control over global supplies.", "Japan", "commitment", "positive"),
    ("seed-ministry-will-revise", "The trade ministry will revise regulations for the state-owned Japan Oil, Gas and Metals National Corp. in order to raise stockpiles to undisclosed levels and to permit the ministry to participate those operations of the resources entity, known as Jogmec.", "The trade ministry", "commitment", "positive"),
    ("seed-signed-memorandum", "The two sides signed a memorandum of cooperation on the supply chains during a visit by Japanese Industry Minister Yasutoshi Nishimura, it said, but gave no details.", N, "none", "positive"),
    ("seed-discussed", "They discussed follow-on measures for the \"MOU (Business Agreement) on cooperation such as core mineral supply networks.\"", "They", "aspirational", "positive"),
    ("seed-sought-to-is-a-past-effort", "South Korea sought to strengthen supply chain cooperation in the field of core minerals through high-level bilateral meetings with major countries such as Japan and Canada.", None, "none", "positive"),
    ("seed-coordinated-predicate", "The agreement builds on the 2019 US-Japan Trade Agreement and will strengthen and diversify critical minerals supply chains.", N, "commitment", "positive"),
    ("seed-not-available", "Japan's industry ministry was not immediately available for comment.", N, "none", "positive"),
    ("seed-gold-fell", "Gold fell more than 2% after hitting an all-time high on Monday, but zero-yield bullion's retreat halted above $2,000 an ounce after traders trimmed bets for the first rate cut by the U.S. Federal Reserve in early 2024.", N, "none", "positive"),
    ("seed-china-provides", "China provides nearly 60% of Japan's imports for these often-rare minerals, and international competition to secure such resources is heating up.", N, "none", "positive"),
    ("seed-reporting-only", "the Canadian government said in a statement.", "the Canadian government", "none", "positive"),
    # Reported speech reads as what it reports: a reported clause, or a quotation with no other verb around it.
    ("reported-will", "The ministry said that Japan will sign a joint statement with Canada.", "Japan", "commitment", "positive"),
    ("reported-fact", "The Canadian government said in a statement that the visit was a success.", "The Canadian government", "none", "positive"),
    ("reported-object-relative", "The President announced new deals that will deliver billions of dollars.", "The President", "none", "positive"),
    ("quoted-before-said", "\u201cWe will work together on critical minerals,\u201d the minister said.", "We", "commitment", "positive"),
    ("quoted-must", "\u201cThe two countries must cooperate to build resilient supply chains.", "The two countries", "binding", "positive"),
    ("quoted-purpose-opener", '"To advance this work, they commit to develop an action plan," the leaders said.', N, "commitment", "positive"),
    ("share-common-interest", "The United States and Mongolia share a common interest in developing mineral resources.", "The United States and Mongolia", "aspirational", "positive"),
    ("concur-on-the-need", "We concur on the need to deepen our bilateral alliance.", "We", "aspirational", "positive"),
    ("is-proposed", "A joint selection of projects of interest is proposed to close gaps in supply chains.", "A joint selection of projects of interest", "aspirational", "positive"),
    ("commend", "We commend the significant progress made under the Programme.", "We", "aspirational", "positive"),
    ("reiterated-the-importance", "Both sides reiterated the importance of narrowly defined export controls.", "Both sides", "aspirational", "positive"),
    ("has-as-objective", "This Memorandum of Understanding has as objective to promote cooperation between the Participants.", "This Memorandum of Understanding", "aspirational", "positive"),
    ("objectives-are-the-following", "The objectives of this Agreement are the following: (a) promoting the gradual integration of Ghana into the world economy;", None, "aspirational", "positive"),
    ("are-going-to", "They are going to put in place a common mechanism to inform each other of public aid.", "They", "commitment", "positive"),
    ("going-to-a-place", "\"State of entry\" means the State to which a citizen is going to;", N, "none", "positive"),
    ("share-the-ambition", "The Participants share the ambition to accelerate low-emission technology solutions.", "The Participants", "aspirational", "positive"),
    ("shared-as-adjective", "The MoU is a milestone in achieving their shared ambition of clean energy.", N, "none", "positive"),
    ("expressed-optimism", "The minister expressed optimism that the MoU would help in achieving their shared ambition of clean energy.", "The minister", "aspirational", "positive"),
    ("signals-the-parties-intention", "The signature of the MoU signals both parties' intention to strengthen their partnership.", "The signature of the MoU", "aspirational", "positive"),
    ("outlines-the-intentions-of", "The MoU outlines the intentions of the signatories to collaborate across multiple sectors.", "The MoU", "aspirational", "positive"),
    ("an-accord-ensures", "The accord ensures deeper cooperation on the mining of lithium.", "The accord", "commitment", "positive"),
    # Not the report of an agreement's effect ("The accord ensures …" commits): a Party's own present tense, which binds as
    # "Each Side guarantees" does.
    ("a-party-ensures-binds", "Each Party ensures that its laws comply.", "Each Party", "binding", "positive"),
    ("ministers-endorse", "Ministers from IEA member countries today endorsed an expanded phase of cooperation.", "Ministers from IEA member countries", "commitment", "positive"),
    ("agreements-commit-a-list", "The agreements commit the United States and Malaysia, and the US and Thailand, to coordinate.", "The agreements", "commitment", "positive"),
    ("in-order-to-then-shall-agree", "In order to facilitate the implementation of this Agreement the Parties shall agree upon appropriate modalities.", N, "binding", "positive"),
    ("in-case-then-shall-decide", "In case the consensus is not reached the Cooperation Council shall decide by a two-third majority.", N, "binding", "positive"),
    ("will-set-off-seek-the", "The Contracting Parties will, on the basis of mutuality, seek a gradual cancellation of restrictions.", "The Contracting Parties", "best_effort", "positive"),
    ("will-seek-the-harmonization", "The Contracting Parties will seek the harmonization of technical requirements.", "The Contracting Parties", "best_effort", "positive"),
    ("has-to-be-notified", "The other Contracting Party has to be notified before the decision is taken.", "The other Contracting Party", "binding", "positive"),
    ("have-to-be-pure-is-a-fact", "The two salts have to be 99.5 percent pure.", N, "none", "positive"),
    ("shall-be-the-object-of-consultations", "The safeguard measures taken shall be the object of periodic consultations within the Joint Committee.", "The safeguard measures taken", "binding", "positive"),
    ("is-interested-in", "Washington is interested in cooperating to expand processing capacity for these minerals.", "Washington", "aspirational", "positive"),
    ("shared-the-idea", "They shared the idea of launching a governmental energy joint committee.", "They", "aspirational", "positive"),
    ("the-object-of-an-agreement-is-to", "The object of this Agreement is to promote overall cooperation between the Contracting Parties.", N, "aspirational", "positive"),
    ("objectives-shall-be-to", "The objectives of the Free Trade Area shall be to promote a sustained expansion of economic activity.", N, "aspirational", "positive"),
    ("shall-prevail", "The provisions of this Agreement shall prevail over the provisions of earlier bilateral agreements.", N, "none", "positive"),
    ("expressed-intent-for", "Countries expressed intent for working together to strengthen supply chains.", "Countries", "aspirational", "positive"),
    ("aims-for", "Indonesia aims for the pact to enter into force by January 2027.", "Indonesia", "aspirational", "positive"),
    ("is-targeted-at", "The memorandum is also targeted at enhancing cooperation on LNG procurement.", "The memorandum", "aspirational", "positive"),
    ("agreement-obligates-parties", "Regarding labour rights, the Agreement obligates both parties to maintain labour rights and enforce labour laws.", "the Agreement", "binding", "positive"),
    ("will-be-making-efforts", "Both sides will be making efforts to establish global norms for critical minerals.", "Both sides", "best_effort", "positive"),
    ("announced-an-intention", "The strategy also announced an intention to strengthen international cooperation.", "The strategy", "aspirational", "positive"),
    ("engaged-in-discussions", "Officials of the two ministries engaged in discussions on stockpiling cooperation.", "Officials of the two ministries", "aspirational", "positive"),
    ("reported-would", "The country's mines ministry said the ban on exports would remain in place until further notice.", N, "commitment", "positive"),
    ("conditional-would", "Absent notice to the contrary, any such discontinuation would be effective on the thirtieth day.", N, "none", "positive"),
    ("would-in-a-condition", "If such measures would affect trade, the Parties shall consult each other.", "the Parties", "binding", "positive"),
    ("reaffirm-their-commitment", "Both sides reaffirmed their commitment to implement the multilateral environmental agreements.", "Both sides", "commitment", "positive"),
    ("forecast-of-an-effect", "It will help cut harmful subsidies by billions.", N, "none", "positive"),
    ("forecast-with-an-adverb", "Once in service, the power line will also enable reductions in emissions.", N, "none", "positive"),
    ("a-party-helping-commits", "Japan will help Peru develop its copper mines.", "Japan", "commitment", "positive"),
    ("forecast-then-adverb", "That investment will then help local companies develop.", N, "none", "positive"),
    ("forecast-of-a-result", "Ultimately, the agreement will result in the ministry holding 15 percent of the shares.", N, "none", "positive"),
    ("a-plan-is-a-noun", "The country signed an agreement to supply nickel under the bloc's plan to reduce its reliance on imports.", N, "none", "positive"),
    ("aim-of-the-agreement-with-an-adverb", "The aim of the Agreement is progressively to eliminate obstacles to trade.", N, "aspirational", "positive"),
    ("territorial-scope-on-the-one-hand", "This Agreement shall apply on the one hand, to the territories of the Community and, on the other hand, to the territory of Cyprus.", N, "none", "positive"),
    ("established-by-this-agreement", "By this Agreement, an Association is established between the Community and Cyprus.", N, "binding", "positive"),
    ("governed-by-the-provisions-below", "Trade between the Community and Andorra shall be governed by the provisions set out below.", N, "none", "positive"),
    ("whereas-recital-caps-a-commitment", "Whereas the Parties are committed to liberalize trade based on GATT principles;", "the Parties", "aspirational", "positive"),
    ("whereas-recital-of-a-fact", "Whereas, rare earths are essential for advanced technologies;", N, "none", "positive"),
    ("whereas-inside-a-sentence-contrasts", "The Parties shall cooperate, whereas the Committee will review the results.", "The Parties", "binding", "positive"),
    ("forecast-in-a-quotation", 'The company said the partnership would "catalyze domestic production."', N, "none", "positive"),
    ("forecast-go-a-long-way", "With demand rising, this partnership will go a long way towards securing supply chains.", N, "none", "positive"),
    ("chose-to-is-deciding", "The ministry chose to invest in producing rare earths at home.", "The ministry", "commitment", "positive"),
    ("may-choose-to-is-discretion", "A Party may choose to apply the lower rate.", "A Party", "best_effort", "positive"),
    ("paragraph-number-before-the-subject", "2.1 The Participants intend to take measures to expedite projects.", "The Participants", "aspirational", "positive"),
    ("decided-by-is-a-participle", "Any other form of cooperation mutually decided by the Participants.", N, "none", "positive"),
    ("agreed-upon-is-a-participle", "The projects agreed upon by the Joint Committee are listed in the Annex.", N, "none", "positive"),
    ("agreed-without-to-still-agrees", "The two ministers agreed on a plan for joint exploration.", "The two ministers", "commitment", "positive"),
    ("recognise-then-commit", "We share the goal of net-zero emissions by 2050, and commit to working toward our 2030 targets.", "We", "commitment", "positive"),
    ("welcome-then-the-parties-agree", "Japan welcomed the proposal, and the two sides agreed to meet again in May.", "the two sides", "commitment", "positive"),
    ("welcome-then-a-relative-clause", "The ministers welcomed the agreement, which will enter into force next year.", "The ministers", "aspirational", "positive"),
    ("reaffirm-their-rights", "The Parties reaffirm their rights and obligations under the WTO Agreement.", "The Parties", "aspirational", "positive"),
    ("reconfirm-our-commitment", "We reconfirm our commitment to Europe's energy security.", "We", "commitment", "positive"),
    ("united-in-their-commitment", "Ministers were united in their commitment to an open Indo-Pacific.", "Ministers", "commitment", "positive"),
    ("best-endeavours", "The Member States shall, as appropriate, use their best endeavours to encourage co-operation.", "The Member States", "best_effort", "positive"),
    ("every-attempt", "When a dispute arises, the Parties shall make every attempt to arrive at a resolution.", "the Parties", "best_effort", "positive"),
    ("as-far-as-may-be-practicable", "A Party shall, as far as may be practicable, notify the Joint Committee.", "A Party", "best_effort", "positive"),
    ("when-necessary-and-practicable", "The Member States will consult, when necessary and practicable, on the matter.", "The Member States", "best_effort", "positive"),
    ("are-discussing", "The US and Indonesia are discussing the potential for cooperation on critical-mineral supplies.", "The US and Indonesia", "aspirational", "positive"),
    ("is-looking-at", "The US is looking at how to help Indonesia diversify its semiconductor industry.", "The US", "aspirational", "positive"),
    ("have-reached-the-following-understanding", "Have reached the following understanding with regard to the Partnership:", N, "commitment", "positive"),
    ("forecast-of-an-impact", "It is not currently clear how these measures will impact exports.", N, "none", "positive"),
    ("reached-an-agreement-to", "Thailand and Cambodia reached a pivotal agreement to establish border observer teams.", "Thailand and Cambodia", "commitment", "positive"),
    ("signed-an-agreement-to-is-a-reported-act", "NASA and the Australian Space Agency signed a framework agreement to strengthen cooperation.", N, "none", "positive"),
    ("have-agreed-after-recitals-names-no-actor", "HAVE AGREED as follows:", N, "commitment", "positive"),
    ("affirming-opener", "AFFIRMING their shared commitment to achieve net-zero emissions by 2050;", N, "aspirational", "positive"),
    ("vowed-to", "The two countries vowed to work more closely on forest protection.", "The two countries", "commitment", "positive"),
    ("is-keen-to", "Germany is keen to invest in Brazil's economy.", "Germany", "aspirational", "positive"),
    ("are-deepening", "Germany and the Netherlands are deepening their cooperation on hydrogen infrastructure.", "Germany and the Netherlands", "commitment", "positive"),
    ("agreed-to-make-joint-efforts", "They also agreed to make joint efforts to boost bilateral trade.", "They", "best_effort", "positive"),
    ("share-a-concern", "We share a concern about the global situation on forced labor.", "We", "aspirational", "positive"),
    ("will-be-required-to", "Member States will be required to develop national plans for exploring their natural resources.", "Member States", "binding", "positive"),
    ("will-be-mandated", "The monitoring of critical raw material stocks will be mandated at a national level.", "The monitoring of critical raw material stocks", "binding", "positive"),
    ("share-a-commitment", "The United States and Kenya share a commitment to prevent and combat bribery.", "The United States and Kenya", "commitment", "positive"),
    ("a-shared-commitment-is-a-noun", "The ministers said the two countries were natural partners with a shared commitment to lowering emissions.", "The ministers", "none", "positive"),
    ("direct-the-secretariat", "We direct the Secretariat to develop a framework with actionable tools.", "We", "commitment", "positive"),
    ("quoted-fact", "\u201cCritical minerals are essential for clean energy,\u201d the minister said.", N, "none", "positive"),
    ("seed-fact-background", "Resource-poor Japan has been actively reinforcing global supply chains for critical minerals.", N, "none", "positive"),
    ("seed-entered-into-force", "The agreement entered into force immediately upon signature.", N, "none", "positive"),
    ("said-today-that-would", "Grant Shapps said today that the country would deepen its collaboration with Saudi Arabia.", N, "commitment", "positive"),
    ("commits-the-parties-to", "The chapter commits the EU and New Zealand to high levels of labour protection.", "The chapter", "commitment", "positive"),
    ("establishes-cooperation", "This MoU establishes close cooperation between Greenland and the EU in five areas.", "This MoU", "commitment", "positive"),
    ("will-also-jointly-explore", "They will also jointly explore pathways for battery recycling.", "They", "aspirational", "positive"),
    ("called-for", "The statement called for its timely implementation.", "The statement", "aspirational", "positive"),
    # What an instrument calls for, it requires; reported too.
    ("instrument-calls-for", "The memorandum calls for joint audits of each refinery.", "The memorandum", "commitment", "positive"),
    ("reported-instrument-calls-for", "The minister said the pact calls for a shared fund.", None, "commitment", "positive"),
    ("people-call-for", "Union leaders called for a review of the deal.", "Union leaders", "aspirational", "positive"),
    ("capable-and-determined", "The Members are able and determined to expand training.", "The Members", "aspirational", "positive"),
    ("with-the-aim-of-lead-in", "The programme was set up with the aim of:", None, "aspirational", "positive"),
    # An instrument's own act, in a report's present tense; "may" of an event's chances permits nothing.
    ("agreement-also-simplifies", "The agreement also simplifies customs procedures.", "The agreement", "commitment", "positive"),
    ("pact-eliminates", "The pact eliminates duties on most farm goods.", "The pact", "commitment", "positive"),
    ("may-not-happen", "Officials warned the summit may not happen this year.", None, "none", "positive"),
    ("may-not-survive", "The truce may not survive the winter.", None, "none", "positive"),
    ("may-take-place-permits", "Such consultations may take place in Geneva.", "Such consultations", "best_effort", "positive"),
    ("commending-recital", "COMMENDING the progress made in the ratification of the Agreement;", None, "aspirational", "positive"),
    # What a study, a plan or cooperation will focus on, guide or be describes it; the Parties' own focus is their commitment.
    ("study-will-focus-on", "This feasibility study will focus on the following:", None, "none", "positive"),
    ("cooperation-will-accelerate", "This cooperation will accelerate the growth of the hydrogen economy.", None, "none", "positive"),
    ("forum-will-be-a-vehicle", "The partnership will be an important vehicle for dialogue.", None, "none", "positive"),
    ("parties-will-focus-on", "The Parties will focus on training for customs officers.", "The Parties", "commitment", "positive"),
    ("instrument-will-be-valid", "This Memorandum will be valid for five years.", "This Memorandum", "commitment", "positive"),
    # One office-holder noting a fact speaks for no party; advocating a need, or several speaking together, still aspire.
    ("minister-noted-achievements", "Minister Tan noted the programme's key achievements to date.", "Minister Tan", "none", "positive"),
    ("minister-highlighted-the-need", "Minister Tan highlighted the need for closer cooperation.", "Minister Tan", "aspirational", "positive"),
    ("two-leaders-noted", "President Ruto and Prime Minister Albanese noted the progress made.",
     "President Ruto and Prime Minister Albanese", "aspirational", "positive"),
    ("instrument-on-a-subject-calls-for", "The MOU on key minerals calls for sharing information between the ministries.",
     "The MOU on key minerals", "commitment", "positive"),
    ("will-not-only-is-no-negation", "This will not only boost exports but will also help growth.", None, "none", "positive"),
    ("will-not-still-negates", "The Parties will not impose export duties.", "The Parties", "commitment", "negative"),
    ("with-a-view-to-in-a-duty", "The Parties shall cooperate with a view to: ", "The Parties", "binding", "positive"),
    ("are-pushing-to", "India and Chile are pushing to conclude negotiations by the end of 2025.", "India and Chile", "aspirational", "positive"),
    ("promised-to", "The three leaders promised to strengthen their economic cooperation.", "The three leaders", "commitment", "positive"),
    ("made-a-commitment", "They also made a commitment to work together against economic coercion.", "They", "commitment", "positive"),
    ("includes-the-following-commitments", "This Agreement includes the following commitments:", "This Agreement", "commitment", "positive"),
    ("includes-a-commitment", "The package includes a commitment to conclude a memorandum within 30 days.", "The package", "commitment", "positive"),
    ("the-statement-read", "“We will launch a coordination platform,” the statement read.", "We", "commitment", "positive"),
    ("promising-is-no-promise", "The two ministers visited a promising lithium project.", N, "none", "positive"),
    ("was-all-set-to", "The state fund was all set to buy a stake in the copper mine in the coming weeks.", "The state fund", "commitment", "positive"),
    ("are-poised-to", "Both companies are poised to accelerate the electrification of mining operations.", "Both companies", "commitment", "positive"),
    ("set-to-zero-is-a-value", "The rate is set to zero for originating goods.", N, "none", "positive"),
    ("is-preparing-to", "The agency is also preparing to set up a branch office in the province.", "The agency", "aspirational", "positive"),
    ("was-aimed-at", "The memorandum was aimed at building resilience in the sector.", "The memorandum", "aspirational", "positive"),
    ("expressed-the-commitment", "The chancellor expressed the commitment to support the project.", "The chancellor", "commitment", "positive"),
    ("neither-x-nor-y-shall", "Neither the Community nor Lebanon shall apply to exports between themselves customs duties.",
     "Neither the Community nor Lebanon", "binding", "negative"),
    ("neither-nor-without-a-modal", "Neither compensation nor suspension is preferred to full compliance.", N, "none", "positive"),
    ("whereas-recital-reads-its-verb", "Whereas the Parties recognize the need for regional cooperation;", "the Parties", "aspirational", "positive"),
    ("whereas-recital-of-a-fact", "Whereas, critical minerals are essential for the production of advanced technologies;", N, "none", "positive"),
    ("whereas-inside-contrasts", "The Community shall abolish its duties whereas Lebanon may keep them.", "The Community", "binding", "positive"),
    ("priority-areas-lead-in", "Green Partnership between the EU and Korea – priority areas:", N, "aspirational", "positive"),
    ("areas-of-collaboration-lead-in", "The partnership is centred around five areas of collaboration:", N, "aspirational", "positive"),
    ("agreed-on-key-areas-still-agreed", "The leaders agreed on three key areas of cooperation: trade and energy.", "The leaders", "commitment", "positive"),
    ("has-long-been-keen-to", "Germany has long been keen to diversify its supply chains.", "Germany", "aspirational", "positive"),
    ("is-open-to-sharing", "Beijing is reportedly open to sharing its technology.", "Beijing", "aspirational", "positive"),
    ("in-preliminary-talks-to", "China and Malaysia are in preliminary talks to establish a processing plant.", "China and Malaysia", "aspirational", "positive"),
    ("embodies-our-commitment", "The proposed Agreement embodies our commitment to driving inclusive growth.", "The proposed Agreement", "commitment", "positive"),
    ("said-earlier-in-the-day-that", "The minister said earlier in the day that the country will remain a reliable supplier.", N, "commitment", "positive"),
    # A reporting verb chains no second verb: the one after its subject is the reported clause's own.
    ("said-it-plans-to", "Azerbaijan also said it plans to slightly increase its natural gas exports to Europe next year.", N, "aspirational", "positive"),
    ("said-they-hope-to", "Officials said they hope to conclude the talks this year.", N, "aspirational", "positive"),
    ("said-it-seeks-to", "Japan said it seeks to diversify its supplies of rare earths.", N, "best_effort", "positive"),
    # What parties intend, share, propose, plan or discuss, however the sentence words it, aspires.
    ("intend-that-will", "The Participants intend that the corridor will increase efficiencies and reduce costs.", "The Participants", "aspirational", "positive"),
    ("share-the-common-goals", "Germany and India share the common goals of reducing their reliance on fossil fuel imports.", "Germany and India", "aspirational", "positive"),
    ("reflects-the-parties-intentions", "The draft Agreement reflects the parties' intentions to organize clean energy supplies.", "The draft Agreement", "aspirational", "positive"),
    ("proposes", "The mission proposes the development of stockpiles of critical minerals.", "The mission", "aspirational", "positive"),
    ("may-propose-stays-permission", "Either Party may propose amendments to this Agreement.", "Either Party", "best_effort", "positive"),
    ("is-being-planned", "The first workshop on battery value chains is being planned for May 2024.", "The first workshop on battery value chains", "aspirational", "positive"),
    ("calling-for", "The ministers are calling for closer cooperation in financing and technology.", "The ministers", "aspirational", "positive"),
    ("hopefully", "Hopefully, the agreement can help companies work together.", N, "aspirational", "positive"),
    ("in-discussions-with", "India is also in discussions with the Congo to sign an initial agreement.", "India", "aspirational", "positive"),
    ("exchanged-views", "They exchanged views regarding battery supply chains.", "They", "aspirational", "positive"),
    ("shall-exchange-views-binds", "Each Party shall exchange views on the matter with the other Party.", "Each Party", "binding", "positive"),
    ("are-aligned-on", "The parties are aligned on the need for a rules-based hydrogen market.", "The parties", "aspirational", "positive"),
    ("are-continuing-discussions", "We are continuing discussions toward a technology partnership.", "We", "aspirational", "positive"),
    ("we'll", "We'll evaluate their performance every quarter.", N, "commitment", "positive"),
    ("commits-named-parties-to", "The MoU commits Zambia and the European Union to develop an operational roadmap.", "The MoU", "commitment", "positive"),
    ("signed-committing-to", "Committing to link commercial hubs with rail lines, the partners signed a memorandum of understanding.", N, "commitment", "positive"),
    ("reflects-a-shared-commitment", "It reflects a shared commitment to building robust energy supply chains.", N, "commitment", "positive"),
    ("there-is-a-commitment-to", "There is a commitment to tackle plastic pollution.", N, "commitment", "positive"),
    ("taking-urgent-action", "We are taking urgent action to elevate global climate ambition.", "We", "commitment", "positive"),
    ("told-someone-that-will", "Anwar told parliament that the Malaysian government will support a local rare earths industry.", "the Malaysian government", "commitment", "positive"),
    ("told-someone-a-fact", "The ministers told reporters that the visit was a success.", "The ministers", "none", "positive"),
    # Calls, urgings and concerns aspire; in a duty they are what the Party is bound to do.
    ("called-on", "The G7 leaders called on China to stop transferring dual-use materials.", "The G7 leaders", "aspirational", "positive"),
    ("urged", "The Prime Minister urged Japanese companies to invest in India.", "The Prime Minister", "aspirational", "positive"),
    ("shall-urge-binds", "Each Party shall urge its enterprises to respect labour standards.", "Each Party", "binding", "positive"),
    ("expressed-deep-concern", "The Ministers expressed deep concern about the weaponization of economic dependencies.", "The Ministers", "aspirational", "positive"),
    ("engaged-in-talks", "The two leaders engaged in extensive talks on regional issues.", "The two leaders", "aspirational", "positive"),
    ("reiterated-a-possessive-commitment", "Iwaya reiterated Japan's commitment to sustaining diplomatic efforts.", "Iwaya", "commitment", "positive"),
    ("underscoring-recital", "UNDERSCORING the importance of strengthening coordination among the member countries;", N, "aspirational", "positive"),
    ("stated-that-runs-past-commas", "The CEO stated that Tanzania and Korea aim to collaborate in research, investment, mining, and capacity building.",
     "Tanzania and Korea", "aspirational", "positive"),
    ("recognise-and-agree-to", "The Parties recognise the importance of technical cooperation and agree to cooperate on standards.",
     "The Parties", "commitment", "positive"),
    ("objectives-are-to-establish-cooperation", "The objectives of this Memorandum are to establish a cooperation framework.",
     N, "aspirational", "positive"),
    ("which-it-considers-necessary", "(b) any action which it considers necessary for the protection of its essential security interests;",
     N, "none", "positive"),
    ("nothing-shall-prevent-saves", "Nothing shall prevent a Party from taking any action which it considers necessary.", N, "none", "positive"),
    ("ways-and-means-defines-nothing", "Recalling their readiness to cooperate in seeking ways and means to strengthen this process;", N, "aspirational", "positive"),
    ("as-it-seeks-to-is-background", "Japan and Peru signed a memorandum on Tuesday, as Tokyo seeks to reduce its reliance on China.",
     N, "none", "positive"),
    ("comes-as-it-looks-to-is-background", "The deal comes as Washington looks to secure supplies of lithium.", N, "none", "positive"),
    ("will-now-have-to-binds", "Exporters will now have to request licences from the ministry.", "Exporters", "binding", "positive"),
    ("are-also-required-to-binds", "The firms are also required to report details of their overseas buyers.", "The firms", "binding",
     "positive"),
    ("has-to-do-with-is-no-duty", "This has to do with trade.", N, "none", "positive"),
    ("said-he-wanted-to-aspires", "He has said he wanted to expand the export ban to cover tin.", N, "aspirational", "positive"),
    ("as-clause-before-the-main-verb", "As Japan seeks to diversify its supply, the two sides will hold regular talks.", "the two sides",
     "commitment", "positive"),
    ("agreeing-on-after-a-comma", "At the occasion the EU and US adopted a Joint Statement, agreeing on:", N, "commitment", "positive"),
    ("agreeing-to-after-a-comma", "The two ministries signed an MOU, agreeing to cooperate on lithium refining.", N, "commitment", "positive"),
    ("deciding-on-as-a-gerund-is-no-cue", "(d) to prevent any Party from independently deciding on budgetary priorities;", N, "none",
     "positive"),
    ("signifies-a-commitment", "The MOU signifies a commitment to enhancing resource management.", "The MOU", "commitment", "positive"),
    ("is-established-at-the-sentence-end-binds", "A Joint Commission, composed of representatives of both Parties, is "
     "established.", "A Joint Commission", "binding", "positive"),
    ("a-body-convening-annually-binds", "The Joint Commission convenes annually alternately in The Hague and in Prague.",
     "The Joint Commission", "binding", "positive"),
    ("a-body-meeting-on-a-day-is-a-fact", "The committee meets on Tuesday to discuss the ban.", "The committee", "none",
     "positive"),
    ("is-established-in-a-place-is-a-fact", "The company is established in Delaware.", N, "none", "positive"),
    ("is-established-under-a-basis-is-a-fact", "This non-binding memorandum is established under a political roadmap.", N,
     "none", "positive"),
    ("as-stated-in-is-a-reference", "To adopt in domestic law the labor rights as stated in the 1998 ILO Declaration.", N,
     "none", "positive"),
    ("stated-that-reports", "The minister stated that the ban will remain in place.", N, "commitment", "positive"),
    ("a-speaker-noting-a-fact-commits-no-one", "He also noted the benefits of a common understanding of security risks.", "He",
     "none", "positive"),
    ("officials-highlighting", "Trade officials highlighted the unusually fast implementation.", N, "none", "positive"),
    ("ministers-noting-aspire", "The Ministers noted the progress made under the Partnership.", "The Ministers", "aspirational",
     "positive"),
    ("will-play-a-role-forecasts", "Battery supply chains will play a vital role in the transition.", N, "none", "positive"),
    ("will-continue-to-play-a-role-forecasts", "Foreign capital will continue to play an important role in our industry.", N,
     "none", "positive"),
    ("shall-attempt-to-is-best-effort", "Member States shall attempt to settle such dispute amicably.", "Member States",
     "best_effort", "positive"),
    ("an-attempt-to-is-a-noun", "In an attempt to boost trade, the Parties signed the deal.", N, "none", "positive"),
    ("undertake-that-neither-binds", "The two sides undertake that neither side will apply anti-dumping measures.", "The two sides",
     "binding", "negative"),
    ("agree-that-neither-will", "The two sides agree that neither side will apply anti-dumping measures.", "The two sides",
     "commitment", "negative"),
    ("an-instrument-that-shall-not-affect-saves", "The CEPA and its Annexes shall not affect the ability of either side to adopt "
     "exception measures.", N, "none", "negative"),
    ("measures-that-shall-not-impair-bind", "Such measures shall not impair the rights of investors.", "Such measures", "binding",
     "negative"),
    ("objectives-are-dash", "The objectives of this Agreement are -", N, "aspirational", "positive"),
    ("each-side-insures-binds", "Each Side insures existence of effective facilities on its territory for arbitration.",
     "Each Side", "binding", "positive"),
    ("desirable-that-the-parties-ensure-is-no-duty", "It is desirable that the Parties ensure complete disclosure of facts.", N,
     "aspirational", "positive"),
    ("comes-into-effect-from-binds", "This agreement comes into effect from the date of the last notification.", "This agreement",
     "binding", "positive"),
    ("taking-into-consideration-recital", "taking into consideration the multilateral Agreement of 15 May 1992,", N,
     "aspirational", "positive"),
    ("is-tasked-with-binds", "The U.S. Commerce Secretary is tasked with setting a quota on UK steel imports.",
     "The U.S. Commerce Secretary", "binding", "positive"),
    # An order or a duty not to act binds negatively; "directed to" a noun orders no one.
    ("is-directed-not-to-binds", "The buyer is also directed not to acquire any further interest in the company.", "The buyer",
     "binding", "negative"),
    ("is-required-not-to-binds", "Each Party is required not to impose new charges on exports.", "Each Party", "binding", "negative"),
    ("was-ordered-to-binds", "The investor was ordered to divest its stake within 90 days.", "The investor", "binding", "positive"),
    ("directed-to-a-body-is-no-order", "Requests are directed to the Secretariat.", N, "none", "positive"),
    # What an instrument seeks is its aim; a party or a group of members seeking to act makes an effort.
    ("instrument-seeks-to-aims", "The MoU also seeks to promote the exchange of expertise.", "The MoU", "aspirational", "positive"),
    ("partnership-seeks-to-strives", "The partnership seeks to enhance the resilience of supply chains.", "The partnership",
     "best_effort", "positive"),
    ("parties-seek-to-strive", "The Parties shall seek to promote trade in services.", "The Parties", "best_effort", "positive"),
    # "according to" right after a quotation attributes it as "said" does; elsewhere it is no verb.
    ("quote-according-to", "\u201cThe two sides will tap the potential to cooperate,\u201d according to a joint statement.",
     "The two sides", "commitment", "positive"),
    ("according-to-their-laws", "The Parties shall, according to their laws, cooperate.", "The Parties", "binding", "positive"),
    # Reported, the clause's own subject decides whether a "will" forecasts: a person acts, a plant or a market forecasts,
    # and the head noun is the one before a preposition ("the structure [for … the gas pipeline]").
    ("reported-they-will-focus", "The companies said in a statement they will focus on improved processes.", N, "commitment",
     "positive"),
    ("reported-project-will-create", "He said the project will create 500 jobs.", N, "none", "positive"),
    # A thing's "will be" stopped, banned or subject to a quota is a measure someone takes, not a forecast of the thing.
    ("exports-will-be-stopped", "The law states that exports of unprocessed copper will also be stopped.", N, "commitment",
     "positive"),
    ("imports-will-be-subject-to", "Imports will be subject to a quota.", "Imports", "commitment", "positive"),
    ("plant-will-be-built-forecasts", "The plant will be built by 2027.", N, "none", "positive"),
    # The subject's head noun stands before its first preposition or "like": "The annual amount of imported LNG will be turned
    # into gas", "Agreements like today's will make supply chains more resilient", "Growth in … will need to keep pace".
    ("amount-of-will-forecasts", "The annual amount of imported LNG will be turned into gas in Poland.", N, "none", "positive"),
    ("agreements-like-todays-will-make", "Agreements like today's will make our supply chains more resilient.",
     N, "none", "positive"),
    ("growth-will-need-to", "Growth in the region's energy infrastructure will need to keep pace with demand.",
     N, "none", "positive"),
    # A miner's exploring is no aspiration, nor is a passive "it is to be noted that".
    ("explore-lithium-is-mining", "The company obtained rights to evaluate, prospect and explore lithium in five blocks.", N,
     "none", "positive"),
    ("explore-ways-aspires", "They will explore ways to deepen cooperation.", "They", "aspirational", "positive"),
    ("it-is-to-be-noted-that", "It is to be noted that the investments are expected to come from private firms.", N, "none", "positive"),
    # What a decision or an instrument is designed for is its aim; a party expecting to act intends to.
    ("is-designed-to-aims", "The decision is designed to protect our national interest.", "The decision", "aspirational", "positive"),
    ("sides-expect-to", "The sides expect to start the feasibility study in 2020.", "The sides", "aspirational", "positive"),
    ("analysts-expect-prices-to", "Analysts expect prices to rise.", N, "none", "positive"),
    ("is-a-move-to-aims", "The deal is a move to ensure a consistent supply of fuel.", "The deal", "aspirational", "positive"),
    ("important-step-towards-judges", "The MoU is an important step towards promoting integration.", N, "none", "positive"),
    ("state-support-is-a-noun", "The Parties shall apply uniform rules on subsidies and other forms of state support;", "The Parties",
     "binding", "positive"),
    ("in-an-effort-to-after-an-act", "The ministry announced export curbs in an effort to slow shipments.", "The ministry", "none",
     "positive"),
    ("government-of-will-provide", "The Government of Japan will provide grants for the project.", "The Government of Japan",
     "commitment", "positive"),
    ("expressed-eagerness-to", "He expressed eagerness to further strengthen these relations.", "He", "aspirational", "positive"),
    ("expressed-their-satisfaction", "The two Heads of State expressed their satisfaction with the outcome.", "The two Heads of State",
     "aspirational", "positive"),
    ("commit-ourselves-to", "We, the Ministers, gathered in Lima, commit ourselves to implementing the following objectives:", "We",
     "commitment", "positive"),
    ("declare-their-commitment-to", "The foreign ministers declare their commitment to:", "The foreign ministers", "commitment",
     "positive"),
    ("we-also-supported", "We also supported efforts to expand connectivity between the regions.", "We", "aspirational", "positive"),
    ("support-noun-before-shall", "Technical support shall be provided by both Parties.", "Technical support", "binding", "positive"),
    ("supported-participle-before-shall", "Projects supported under this Agreement shall be reported annually.",
     "Projects supported under this Agreement", "binding",
     "positive"),
    ("directed-ministers-to", "The Heads of State directed ministers to prioritise the implementation of all agreements.",
     "The Heads of State", "commitment", "positive"),
    # "May" in a range of days is the month; a reference's number before "may" leaves the modal.
    ("may-in-a-range-of-days", "We held the Second Ministerial Meeting in Singapore from 31 May - 1 June 2010.", N, "none",
     "positive"),
    ("paragraph-number-then-may", "The period referred to in paragraph 8 may be extended by mutual consent.",
     "The period referred to in paragraph 8", "best_effort",
     "positive"),
    ("reported-head-before-preposition", "The minister said that the structure for buying oil through the pipeline would be"
     " finalised soon.", N, "commitment", "positive"),
    ("plans-are-in-place-to", "Plans are in place to establish a processing plant near the mine.", N, "aspirational", "positive"),
    ("there-are-plans-to", "There are plans to build a second pipeline.", N, "aspirational", "positive"),
    ("wants-someone-to", "The government wants lithium miners operating in the country to refine locally.", "The government",
     "aspirational", "positive"),
    ("wants-something-to-be", "The ministry wants the new rules to be clear.", "The ministry", "aspirational", "positive"),
    ("directed-a-named-body-to", "The ministers directed the Council for Geosciences to work with the national survey.",
     "The ministers", "commitment", "positive"),
    ("tasked-the-committee-to", "The Leaders tasked the Joint Committee to prepare a report.", "The Leaders", "commitment",
     "positive"),
    ("tasked-senior-officials", "The Ministers tasked senior officials to formulate a work programme.", "The Ministers",
     "commitment", "positive"),
    ("appeal-to-direct-relevant-authorities", "He appealed to the President to direct relevant authorities to expedite action.",
     N, "none", "positive"),
    ("requested-a-body-of-the-cooperation-to", "The Ministers requested the Steering Committee of the HEI to coordinate the "
     "relationship.", "The Ministers", "commitment", "positive"),
    ("requested-another-party-to", "Japan requested China to lift the ban.", N, "none", "positive"),
    ("deal-will-go-into-effect", "The deal with El Salvador will go into effect five days after the notice.",
     "The deal with El Salvador",
     "commitment", "positive"),
    ("deal-will-go-a-long-way", "The deal will go a long way to boost trade.", N, "none", "positive"),
    ("have-reached-the-following-understanding", "Have reached the following mutual understanding:", N, "commitment",
     "positive"),
    ("funding-will-be-used", "The funding will be used to expand the zinc mine.", N, "none", "positive"),
    ("deal-will-play-a-role", "The deal will play a pivotal role in electricity generation.", N, "none", "positive"),
    ("funds-will-be-available", "The additional funds will be available within 22 months.", N, "none",
     "positive"),
    ("agreement-will-increase", "The Cooperation Agreement will increase trade-related capacity in the region.",
     N, "none", "positive"),
    ("party-will-increase", "Japan will increase its stockpile of rare earths.", "Japan", "commitment", "positive"),
    ("based-on-recital", "BASED on the spirit of equality, mutual benefit and friendly cooperation;", N, "aspirational",
     "positive"),
    ("taking-in-to-account-recital", "TAKING in to account the need for the strengthening of south-south cooperation;", N,
     "aspirational", "positive"),
    ("in-furtherance-of-recital", "In furtherance of understandings reached on July 7, 2009, during the summit in Moscow;", N,
     "aspirational", "positive"),
    ("assured-that", "President Mahama assured that Ghana would always fulfil its financial obligations.", "President Mahama",
     "commitment", "positive"),
    ("assured-someone-of", "He further assured the Ghanaian leader of Nigeria's readiness to resolve outstanding issues.", "He",
     "commitment", "positive"),
    ("an-assured-supply", "The deal gives Japan an assured supply of lithium.", N, "none", "positive"),
    ("based-on-before-a-main-clause", "Based on this Agreement, the Parties shall establish a committee.", "the Parties",
     "binding", "positive"),
    # A process or an act named by its noun forecasts with a verb of effect, as an instrument does; a body commits.
    ("financing-will-help", "The long-term financing will help promote private investment in renewable energy.", N, "none",
     "positive"),
    ("a-process-noun-will-help", "Western enrichment will help Ukraine be free from dependence on Russian resources.", N, "none",
     "positive"),
    ("development-will-significantly-contribute", "The development of the deposit will significantly contribute to the new"
     " industrial programme.", N, "none", "positive"),
    ("a-body-noun-will-support", "The Commission will support the Member States.", "The Commission", "commitment", "positive"),
    ("a-gerund-opener-then-a-forecast", "Leveraging the port's location, this collaboration will help meet rising demand.", N,
     "none", "positive"),
    ("agreed-a-deal-is-a-reported-act", "The company agreed a five-year cobalt purchase deal with Glencore.", N, "none",
     "positive"),
    ("agreed-a-deal-to", "The two governments agreed a deal to build a refinery.", "The two governments", "commitment",
     "positive"),
    ("a-term-set-is-no-forecast", "The sale price will be based on the prevailing market price.", "The sale price",
     "commitment", "positive"),
    ("shows-their-commitment", "The agreement shows their strong commitment to build diverse supply chains.", "The agreement",
     "commitment", "positive"),
    ("plans-include", "Further plans include investing in recycling and geological mapping.", N, "aspirational", "positive"),
    ("is-geared-towards", "The move is geared towards developing the country's mineral resources.", "The move",
     "aspirational", "positive"),
    ("may-after-an-ordinal-day", "The President made a State Visit to Kenya from 8th to 10th May, 2018.", N, "none",
     "positive"),
    ("may-before-a-year-after-a-comma", "The agreement was signed on 10 May, 2018.", N, "none", "positive"),
    ("gratitude-for-hospitality-is-courtesy", "The Prime Minister expressed his gratitude for the warm reception and"
     " hospitality.", N, "none", "positive"),
    ("a-welcome-ceremony-is-no-welcome", "The President was accorded a welcome ceremony at the Palace.", N, "none",
     "positive"),
    # A tariff concession foreseen is the deal's term, whatever the subject.
    ("exports-will-become-tariff-free", "The remaining exports will progressively become tariff-free over 15 years.",
     "The remaining exports", "commitment", "positive"),
    ("a-deal-will-mean-duty-free", "The agreement will mean 69 per cent of exports will be duty-free from the first day.",
     "The agreement", "commitment", "positive"),
    # Treaty wording (set 152): ties, leeway and aims.
    ("bound-to-a-country-is-a-tie", "This Agreement is extended to Liechtenstein as long as this country is bound to the Swiss"
     " Confederation by a customs union treaty.", N, "none", "positive"),
    ("seek-opportunities-to", "The Parties shall seek opportunities to make progress towards the removal of obstacles to trade.",
     "The Parties", "best_effort", "positive"),
    ("take-necessary-efforts", "The Parties shall take necessary efforts for removing administrative barriers.", "The Parties",
     "best_effort", "positive"),
    ("has-right-to", "Any of the Parties has right to request information on the rates applied.", "Any of the Parties",
     "best_effort", "positive"),
    ("shall-have-the-right-to", "Member States shall have the right to impose restrictions on imports.", "Member States",
     "best_effort", "positive"),
    ("shall-have-the-objective-of", "Cooperation shall have the objective of encouraging links between research communities.",
     "Cooperation", "aspirational", "positive"),
    ("denounce-it-is-leaving", "Each Party may denounce it through diplomatic channels by a written notification. In such case"
     " the Agreement shall be terminated six months later.", "Each Party", "best_effort", "positive"),
    ("may-in-no-case-forbids", "The treatment accorded to products of the other Party may in no case be less favourable than"
     " that accorded to the most-favoured nation.", "The treatment accorded to products of the other Party", "binding",
     "negative"),
    ("hereby-resolve-decides", "The contracting States hereby resolve, moreover, to apply the single charge system.",
     "The contracting States", "commitment", "positive"),
    ("it-enters-into-force-on", "This Agreement is subject to ratification. It enters into force on the first day of the"
     " second month after the notifications.", N, "binding", "positive"),
    ("and-enters-into-force-for", "This Agreement is subject to ratification and enters into force for the states that"
     " ratified it.", N, "binding", "positive"),
    ("shall-be-called-names", "This Agreement shall also be called the Bangkok Agreement.", N, "none", "positive"),
    ("whenever-considered-necessary-caps", "Whenever considered necessary, Participating States shall take appropriate"
     " measures for co-operation.", "Participating States", "best_effort", "positive"),
    ("a-qualified-second-aim-caps-nothing", "The Parties shall take appropriate measures to ensure that the provisions are"
     " applied, and to reduce, as far as possible, the formalities imposed on trade.", "The Parties", "binding", "positive"),
    ("a-qualified-main-verb-caps", "The Parties undertake to reduce, as far as possible, the formalities imposed on trade.",
     "The Parties", "best_effort", "positive"),
    ("a-party-to-the-agreement-then-its-consequence", "Either Party to this Agreement may denounce this Agreement by written"
     " notification. The Agreement shall cease to be in force six months after the notification.",
     "Either Party to this Agreement", "best_effort", "positive"),
]


# Spanish, as the Latin American agreements notified to the WTO are written: the future tense binds as "shall" does.
SPANISH_TREATY_LANGUAGE = [
    ("es-future-binds", "Las Partes eliminarán los derechos aduaneros sobre las importaciones de productos originarios.",
     "Las Partes", "binding", "positive"),
    ("es-deberan", "Cada Parte deberá notificar a la otra Parte las medidas adoptadas.", "Cada Parte", "binding", "positive"),
    ("es-no-future-forbids", "Las Partes Contratantes no introducirán nuevas restricciones cuantitativas a la exportación.",
     "Las Partes Contratantes", "binding", "negative"),
    # An infinitive after "no" forbids only after the verb that commits to it, never in a purpose; nor is English "no tender"
    # the Spanish verb "tender".
    ("es-no-infinitive-purpose", "Con el fin de no afectar el comercio regional.", None, "aspirational", "positive"),
    ("en-no-tender", "It appears that no tender is the most advantageous.", None, "none", "positive"),
    ("es-ninguna-parte", "Ninguna de las Partes aplicará derechos de exportación.", "Ninguna de las Partes", "binding", "negative"),
    ("es-no-podran-forbids", "Los Estados miembros no podrán otorgar subsidios a la exportación.", "Los Estados miembros",
     "binding", "negative"),
    ("es-podran-permits", "Las Partes podrán adoptar medidas de salvaguardia.", "Las Partes", "best_effort", "positive"),
    ("es-procuraran", "Los Estados signatarios procurarán armonizar sus legislaciones aduaneras.", "Los Estados signatarios",
     "best_effort", "positive"),
    ("es-acuerdan-commits", "Los Gobiernos acuerdan establecer un programa de cooperación técnica.", "Los Gobiernos",
     "commitment", "positive"),
    ("es-convienen-en-no", "Las Partes convienen en no aumentar los aranceles vigentes.", "Las Partes", "binding", "negative"),
    ("es-se-abstendran", "Las Partes se abstendrán de imponer nuevas restricciones al comercio.", "Las Partes", "binding", "negative"),
    ("es-se-crea", "Se crea una Comisión Administradora, integrada por representantes de las Partes.", N, "binding", "positive"),
    ("es-objeto-aspires", "El presente Acuerdo tiene por objeto promover el comercio entre las Partes.", "El presente Acuerdo", "aspirational",
     "positive"),
    ("es-recital", "CONSIDERANDO la importancia de fortalecer la integración económica regional,", N, "aspirational", "positive"),
    ("es-se-consideraran-deems", "Se considerarán originarias las mercancías producidas enteramente en el territorio de una Parte.",
     N, "none", "positive"),
    ("es-definition", "Para los efectos del presente Acuerdo, se entiende por mercancía todo producto.", N, "none", "positive"),
    ("es-tomaran-en-consideracion", "Las Partes tomarán en consideración la cooperación científica.", "Las Partes",
     "aspirational", "positive"),
    ("es-tomaran-medidas", "Cada Parte tomará las medidas necesarias para aplicar el presente Acuerdo.", "Cada Parte", "binding",
     "positive"),
    ("es-reflexive-se-is-no-actor", "La Comisión se reunirá una vez al año.", "La Comisión", "binding", "positive"),
    ("es-se-denominara-names", "El presente Acuerdo se denominará Acuerdo de Lima.", N, "none", "positive"),
    ("es-no-restringiran", "Las Partes no restringirán sus exportaciones de cobre.", "Las Partes", "binding", "negative"),
]


@pytest.mark.parametrize(("text", "actor", "modality", "polarity"),
                         [pytest.param(*row[1:], id=row[0]) for row in TREATY_LANGUAGE + NEWS_LANGUAGE + SPANISH_TREATY_LANGUAGE])
def test_read_clause(text, actor, modality, polarity):
    reading = read_clause(text)
    assert (reading.actor, reading.modality, reading.polarity) == (actor, modality, polarity), reading


LEAD_IN = "The agreement establishes several new commitments and areas for joint cooperation regarding electric vehicle battery critical minerals supply chains between the United States and Japan, including those related to:"

# (id, item, lead-in, actor, modality, polarity)
LIST_ITEMS = [
    ("item-negative-own-polarity", "Non-imposition of export duties on critical minerals;", LEAD_IN, "The agreement", "commitment", "negative"),
    ("item-takes-lead-in", "Promoting employer neutrality in union organizing and operations.", LEAD_IN, "The agreement", "commitment", "positive"),
    ("item-own-cue-wins", "(b) the Parties may exchange information on best practices;", "Each Party shall:", "the Parties", "best_effort", "positive"),
    ("item-lead-in-binding", "(a) publish its export licensing procedures;", "Each Party shall:", "Each Party", "binding", "positive"),
    ("item-qualifier-caps-lead-in", "(f) as appropriate, issue interpretations of the Agreement;", "The Commission shall:", "The Commission",
     "best_effort", "positive"),
    ("item-qualifier-keeps-weaker-lead-in", "(a) where appropriate, share data;", "The Participants intend to:", "The Participants",
     "aspirational", "positive"),
    ("item-such-other-as-may-agree", "(i) take such other action as the Parties may agree.", "The Commission shall:", "The Commission",
     "binding", "positive"),
    ("item-such-other-matters", "(h) such other matters as the Parties may agree.", "The Committee shall consider:", "The Committee",
     "binding", "positive"),
    ("item-consider-under-shall-binds", "(e) consider and adopt any amendment to this Agreement;", "The Commission shall:", "The Commission",
     "binding", "positive"),
    ("item-consider-under-will-aspires", "(e) consider joint projects;", "The Participants will:", N, "aspirational",
     "positive"),
    ("item-encourage-under-shall-binds", "(b) encourage private investment in mining;", "Each Party shall:", "Each Party", "binding",
     "positive"),
    ("item-encourage-under-may", "(b) Encourage and promote trade and investment;", "The Parties may:", "The Parties", "best_effort",
     "positive"),
    ("item-lead-in-negative-lead", "(a) any export duty on copper;", "Neither Party shall maintain:", "Neither Party", "binding", "positive"),
    ("item-no-lead-in-modality", "Domestic measures to address non-market policies;", "The following matters are covered:", N, "none", "positive"),
    # A lower-case item's "are to be" goes on with the lead-in's sentence; a capitalised item's arranges on its own.
    ("item-are-to-be-under-unless", "(c) the goods are to be examined by any agency other than the customs administration.",
     "Each Party shall release goods within 48 hours, unless:", "Each Party", "binding", "positive"),
    ("item-capitalised-arrangement", "(c) Payments are to be made in US dollars.", "The Participants decide that:", "Payments", "commitment", "positive"),
]


@pytest.mark.parametrize(("item", "lead_in", "actor", "modality", "polarity"),
                         [pytest.param(*row[1:], id=row[0]) for row in LIST_ITEMS])
def test_item_takes_the_lead_in_modality(item, lead_in, actor, modality, polarity):
    reading = read_clause(item, lead_in=read_clause(lead_in))
    assert (reading.actor, reading.modality, reading.polarity) == (actor, modality, polarity), reading


# (id, text, modality cue, polarity cue)
CUES = [
    ("binding", "Each Party shall publish its measures.", "shall", None),
    ("neither", "Neither Party shall adopt export duties.", "shall", "Neither Party"),
    ("endeavour", "The Parties shall endeavour to cooperate.", "endeavour to", None),
    ("qualifier", "Each Party shall, to the extent possible, publish its measures.", "to the extent possible", None),
    ("non-imposition", "Non-imposition of export duties;", None, "Non-imposition"),
    ("preamble", "RECOGNISING the role of trade;", "RECOGNISING", None),
]


@pytest.mark.parametrize(("text", "modality_cue", "polarity_cue"), [pytest.param(*row[1:], id=row[0]) for row in CUES])
def test_cues_are_quoted_as_written(text, modality_cue, polarity_cue):
    reading = read_clause(text)
    assert (reading.modality_cue, reading.polarity_cue) == (modality_cue, polarity_cue)


def test_reading_is_a_clause_reading():
    assert read_clause("The Parties shall cooperate.") == ClauseReading(
        actor="The Parties", modality="binding", polarity="positive", modality_cue="shall")


# (id, text, cue names of each sentence)
SCANS = [
    ("sentences", "The Parties may agree. Done", [("ACTOR", "PERMISSION", "COMMITMENT", "STOP"), ("WORDS", "STOP")]),
    ("abbreviation-no-stop", "The U.S. shall act.", [("WORDS", "BINDING", "FEW", "STOP")]),
    ("blank-line-stop", "Each Party shall act\n\nThe Parties", [("ACTOR", "BINDING", "FEW", "STOP"), ("ACTOR", "STOP")]),
    ("longest-phrase-first", "Each Party shall not act", [("ACTOR", "BINDING_NEG", "FEW", "STOP")]),
    ("few-only-after-a-verb", "Each Party shall publish its laws promptly", [("ACTOR", "BINDING", "WORDS", "STOP")]),
    ("word-inside-word", "Marshall shallow", [("WORDS", "STOP")]),
    ("spaces-inside", "The Parties      shall act", [("ACTOR", "BINDING", "FEW", "STOP")]),
    ("stop-inside-a-closing-quote", 'They signed the "MOU." The Parties may agree.',
     [("WORDS", "QUOTE", "WORDS", "STOP"), ("ACTOR", "PERMISSION", "COMMITMENT", "STOP")]),
    ("line-break-ends-a-heading", "Article 4: Risk Management\nEach Party shall act",
     [("WORDS", "BREAK", "WORDS", "STOP"), ("ACTOR", "BINDING", "FEW", "STOP")]),
]


@pytest.mark.parametrize(("text", "names"), [pytest.param(*row[1:], id=row[0]) for row in SCANS])
def test_scan_cues(text, names):
    assert [found for found, _ in scan_cues(text)] == names


# Texts whose edges decide a cue: lookbehinds at the start, "$", lookaheads and second words at the end.
EDGE_TEXTS = ["Each Party shall act.", "agree", "the", "The Parties", "Parties shall", "-- the Parties", "- act",
              "may not", "(a)", "(a) shall", "act;", "done:", "end.", "...", "no customs duty", "shall be construed",
              '"', "“Each", "e.g.", "Nov.", "\n\nThe", "", "won't", "the\nParties", "the  Parties", ". shall", "there"]
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _scan_apart(texts: list[str]) -> list:
    """scan_cues of each text, with offsets moved to the texts joined as scan_texts joins them."""
    scanned, start = [], 0
    for text in texts:
        scanned.append([(names, [(cue_start + start, cue_end + start, name) for cue_start, cue_end, name in cues])
                        for names, cues in scan_cues(text)])
        start += len(text) + len(TEXT_SEPARATOR)
    return scanned


def _provision_like_pieces(generator: random.Random) -> list[str]:
    """Known clauses, edge cases and seed news text cut at random places (mid-word and mid-phrase too)."""
    pieces = [row[1] for row in TREATY_LANGUAGE + NEWS_LANGUAGE] + EDGE_TEXTS
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        cuts = sorted(generator.sample(range(len(text)), min(40, len(text))))
        pieces += [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)])]
    return pieces


def test_one_scan_of_many_texts_finds_what_scanning_each_finds():
    """Issue 2: a document's provisions are scanned at once; each must get the cues scan_cues gives it alone."""
    generator = random.Random(20260526)
    pieces = _provision_like_pieces(generator)
    for _ in range(200):
        texts = generator.sample(pieces, generator.randint(1, 12))
        joined, scanned = scan_texts(texts)
        assert joined == TEXT_SEPARATOR.join(texts)
        assert list(scanned) == _scan_apart(texts), texts


def test_read_clauses_reads_each_text_as_read_clause():
    pieces = _provision_like_pieces(random.Random(7))
    assert read_clauses(pieces) == [read_clause(piece) for piece in pieces]


@pytest.mark.parametrize("texts", [
    pytest.param(["Each Party\tshall act.", "the\tParties may"], id="tab"),
    pytest.param(["İstanbul: Each Party shall act.", "The Parties may agree."], id="lowercase-longer"),
    pytest.param(["a\x00b shall", "the Parties"], id="holds-the-separator"),
])
def test_texts_the_joined_scan_cannot_take_are_scanned_one_by_one(texts):
    joined, scanned = scan_texts(texts)
    assert list(scanned) == _scan_apart(texts)


def test_cue_scan_doctests():
    assert doctest.testmod(grammar.cue_scan).failed == 0


@pytest.mark.parametrize("source, alternatives", [
    pytest.param(r"(?:\bshall\b|\b(?:may|must)\b)", [r"\bshall\b", r"\b(?:may|must)\b"], id="wrapped"),
    pytest.param(r"[|)]x|(?:y)", ["[|)]x", "(?:y)"], id="bar-and-paren-in-a-class"),
    pytest.param(r"(?:a|b)c", ["(?:a|b)c"], id="group-not-the-whole-pattern"),
    pytest.param(r"\(a\|b\)", [r"\(a\|b\)"], id="escaped"),
])
def test_top_alternatives(source, alternatives):
    assert _top_alternatives(source) == alternatives


def test_a_word_tries_only_the_alternatives_that_may_start_there():
    source = r"(?:\bshall\s+not\b|\bmay\b|\bsha|\bparty's\b|\bshall\b)"
    listed = _listed_alternatives(source)
    assert _pattern_for_word("shall", source, listed, {}).pattern == r"(?:\bshall\s+not\b|\bsha|\bshall\b)"
    assert _pattern_for_word("party", source, listed, {}).pattern == r"(?:\bparty's\b)"
    # A group another alternative might refer to: the whole pattern everywhere.
    assert _listed_alternatives(r"(?:\b(may)\b|\bshall\b)") is None


def test_narrowed_terminals_match_as_the_whole_terminal():
    """Every (first word, terminal) entry of the scanner finds at its word what the terminal's whole pattern finds."""
    scanner = grammar.clause._SCANNER
    whole = {terminal.name: re.compile(terminal.pattern.to_regexp()) for terminal in grammar.clause._PARSER.terminals}
    generator = random.Random(20261129)
    words = sorted(scanner.first_words)
    for word, entries in scanner.by_word.items():
        for _ in range(3):
            text = f"{word} {' '.join(generator.sample(words, 4))}"
            for _, name, pattern in entries:
                narrowed, full = pattern.match(text), whole[name].match(text)
                assert (narrowed and narrowed.end()) == (full and full.end()), (text, name)


CUE_NAMES = ["WORDS", "FEW", "ACTOR", "NEITHER", "NOTHING", "NO_SUBJECT", "ADVERB", "QUALIFIER", "REFRAIN", "PROHIBIT",
             "NON", "WOULD", "_ENUM", "BINDING", "BINDING_NEG", "COMMITMENT", "COMMITMENT_NEG", "BEST_EFFORT", "PERMISSION",
             "ASPIRATION", "CONSIDER", "ENCOURAGE", "ESTABLISH", "DISCRETION", "REPORT", "DEFINE", "SCOPE", "DEEM", "AGREE_THAT", "SUBORD", "BACKGROUND", "RELATIVE", "PARTICIPLE", "PURPOSE", "RECITAL", "THAT", "AIM_LIST", "QUOTE", "BREAK", "BEST_EFFORT_NEG", "MEETING"]


def test_fuzzer_knows_every_terminal():
    declared = {"WORDS", "FEW"}  # %declare'd: made by the scanner, not by a pattern
    assert set(CUE_NAMES) | {"STOP"} == {terminal.name for terminal in grammar.clause._PARSER.terminals} | declared


def test_grammar_accepts_every_cue_sequence():
    """A seeded fuzzer: the LALR grammar must read any sequence of cues, since any text can produce one."""
    generator = random.Random(20240521)
    for _ in range(4000):
        names = tuple(generator.choice(CUE_NAMES) for _ in range(generator.randint(0, 20))) + ("STOP",)
        plan = plan_sentence(names)
        assert plan.modality_cue is None or 0 <= plan.modality_cue < len(names)


@pytest.mark.parametrize("text", [pytest.param(text, id=name) for name, text in [
    ("unicode-length-change", "İstanbul: Each Party shall act."),
    ("only-punctuation", ".,;:!?"),
    ("unbalanced-quote", '"Each Party shall'),
    ("nested-brackets", "((a)) (b) shall"),
]])
def test_any_text_is_read(text):
    assert isinstance(read_clause(text), ClauseReading)


def test_tota_articles_are_read(tota_paths):
    """Every paragraph of the real treaties gets a reading, and the binding ones outnumber the rest."""
    import re
    import xml.etree.ElementTree as ElementTree

    readings = []
    for path in tota_paths:
        for article in ElementTree.parse(path).getroot().iter("article"):
            readings += [read_clause(piece) for piece in re.split(r"\n\s*\n", article.text or "") if piece.strip()]
    modalities = [reading.modality for reading in readings]
    assert modalities.count("binding") > modalities.count("commitment") + modalities.count("aspirational")
    assert any(reading.polarity == "negative" for reading in readings)


def test_worked_examples_hold():
    assert doctest.testmod(grammar.clause).failed == 0


@pytest.mark.parametrize(("text", "modality", "cue"), [
    pytest.param("Expand exchanges between personnel at all levels on both sides.", "commitment", "Expand", id="opens-with-its-verb"),
    pytest.param("One, strengthen high-level exchanges and promote dialogue.", "commitment", "strengthen", id="after-an-ordinal"),
    pytest.param("(1) Strengthen coordination within the framework of the WTO.", "commitment", "Strengthen", id="after-its-number"),
    pytest.param("Increase in exports was modest last year.", "none", None, id="a-noun-opening-is-no-instruction"),
    pytest.param("Support projects that meet high environmental standards.", "commitment", "Support", id="support-as-a-verb"),
    pytest.param("Support for the deal came from the opposition.", "none", None, id="support-as-a-noun"),
    pytest.param("reduce costs and create jobs", "none", None, id="a-lowercase-fragment-is-no-instruction"),
    pytest.param("Establish a committee, the minister said.", "none", "said", id="a-verb-cue-decides-first"),
    pytest.param("Enhancing the resilience of supply chains and fostering dialogue.", "aspirational", "Enhancing", id="an-objective"),
    pytest.param("(c) Expanding stockpiling of rare metals to 100 days.", "aspirational", "Expanding", id="a-numbered-objective"),
    pytest.param("Securing sustained economic growth is the number one mission.", "none", None, id="a-gerund-subject"),
    pytest.param("Developing countries face high costs of capital.", "none", None, id="a-gerund-adjective"),
])
def test_an_instruction_commits_and_an_objective_aspires_without_a_lead_in(text, modality, cue):
    reading = read_provision(text)
    assert (reading.modality, reading.modality_cue) == (modality, cue)
