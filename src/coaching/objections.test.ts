import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "../analysis/analyze.js";
import { splitSentences } from "../text/sentences.js";
import type { Transcript, Utterance } from "../transcript/model.js";
import { type Objection, ObjectionSchema } from "./contract.js";
import type { CoachingInput } from "./engine.js";
import { coachingLanguage } from "./lang/index.js";
import { classifyObjection, classifyTurn, detectObjections, objectionMetrics } from "./objections.js";

const en = { language: "en" };
const ru = { language: "ru" };

describe("classifyObjection: English categories", () => {
  it.each([
    // price / budget
    ["Honestly, it's a bit too expensive for us.", "price"],
    ["We just don't have the budget for this.", "price"],
    ["That's way over our budget for the year.", "price"],
    ["We can't afford forty dollars per seat.", "price"],
    ["The quote is a lot higher than we expected.", "price"],
    ["Is there any discount if we sign for two years?", "price"],
    ["Can you do better on the price?", "price"],
    ["Your price is higher than what we planned.", "price"],
    ["the cost is high for a team our size", "price"],
    ["Why would we pay twice what we pay now?", "price"],
    ["budget is frozen until further notice", "price"],
    ["It's hard to justify the cost to finance.", "price"],
    ["Is the price negotiable at all?", "price"],
    // timing
    ["Not right now, maybe next quarter.", "timing"],
    ["Let me think about it and get back to you.", "timing"],
    ["This is a bad time, we're busy with a migration.", "timing"],
    ["We're in the middle of a reorg, can we circle back in a few months?", "timing"],
    ["Maybe later in the year.", "timing"],
    ["We need some time to think it over.", "timing"],
    ["Let's revisit this after the holidays.", "timing"],
    ["we're swamped at the moment", "timing"],
    ["I'd hold off until the new fiscal year", "timing"],
    // authority
    ["I need to run it by my boss first.", "authority"],
    ["It's not my decision, honestly.", "authority"],
    ["Our CFO makes the call on anything over ten thousand.", "authority"],
    ["I'd have to check with the leadership team.", "authority"],
    ["Procurement has to sign off on new vendors.", "authority"],
    ["This would need approval from the board.", "authority"],
    ["i'm not the decision maker here", "authority"],
    // need / no interest
    ["We don't need another tool.", "need"],
    ["Thanks, but we're not interested.", "need"],
    ["We're fine with how things are, thanks.", "need"],
    ["It's not a priority for us this year.", "need"],
    ["I don't see the value for a team our size.", "need"],
    ["I'm not sure we really need this.", "need"],
    ["No thanks, we'll pass.", "need"],
    // competitor / status quo
    ["We already use Gong for that.", "competitor"],
    ["We're pretty happy with our current vendor.", "competitor"],
    ["We built our own dashboard in-house.", "competitor"],
    ["Honestly, spreadsheets work fine for us.", "competitor"],
    ["How is this different from HubSpot?", "competitor"],
    ["We're locked into a contract with them until June.", "competitor"],
    ["Another vendor quoted us less.", "competitor"],
    // trust / risk
    ["How do I know this will actually work for us?", "trust"],
    ["That sounds too good to be true.", "trust"],
    ["We have some security concerns about storing call recordings.", "trust"],
    ["We got burned by a vendor like you last year.", "trust"],
    ["What if it doesn't integrate with our CRM?", "trust"],
    ["Do you have references in our industry?", "trust"],
    ["I'm worried about the data migration.", "trust"],
    ["I've never heard of your company before.", "trust"],
    // other: doubts and hesitation that fit no category
    ["I'm not sure yet.", "other"],
    ["My main concern is the learning curve.", "other"],
    ["I have some reservations.", "other"],
    ["It seems complicated for our reps.", "other"],
  ] as const)("%s → %s", (sentence, category) => {
    expect(classifyObjection(sentence, en)).toBe(category);
  });
});

describe("classifyObjection: English non-objections", () => {
  it.each([
    // the customer's own pain: reasons to buy, not objections to the offer
    "Our costs are too high and it's killing our margins.",
    "We spend way too much on manual data entry.",
    "Our current vendor is too expensive, that's why we're looking.",
    "We need to cut costs this year.",
    // agreement, closings, neutral facts
    "That sounds great, let's do it.",
    "Okay, that works for us.",
    "Thanks for your time, talk to you next week.",
    "Price isn't an issue for us.",
    "We have the budget approved already.",
    "It's not that expensive compared to what we pay now.",
    "The office is not too far from us, so setup is easy.",
    "Honestly the rollout was not too complicated.",
    "I'm very interested in the reporting side.",
    "No problem at all.",
    // questions about features and facts
    "Does it integrate with Salesforce?",
    "How many users can we add?",
    "Can you send me the deck?",
    "What does onboarding look like?",
    "We have about forty reps in three teams.",
    "Let's schedule a demo next week.",
    "",
    "   ",
    "...",
  ])("%j → null", (sentence) => {
    expect(classifyObjection(sentence, en)).toBeNull();
  });
});

describe("classifyObjection: context from the rep's previous turn", () => {
  it("a bare 'no' to a commitment ask is a refusal", () => {
    expect(
      classifyObjection("No.", {
        language: "en",
        previousText: "Would you like to start a pilot next week?",
      }),
    ).toBe("need");
    expect(classifyObjection("No.", en)).toBeNull();
  });
  it("a reaction to a price is a price objection", () => {
    expect(
      classifyObjection("Wow, that's a lot.", {
        language: "en",
        previousText: "It's $40 per seat per month.",
      }),
    ).toBe("price");
  });
  it("a counter-offer after a price is a bid (other), not a claim that the price is a problem", () => {
    expect(
      classifyObjection("How about 30?", { language: "en", previousText: "The list price is $45 a seat." }),
    ).toBe("other");
    expect(classifyObjection("How about 3?", en)).toBeNull();
  });
});

describe("classifyObjection: negotiation bids", () => {
  it.each([
    "I can offer 850 for the pair.",
    "We could do $1,200 if you include setup.",
    "Would you take 300 for it?",
    "would you be willing to accept $75",
    "What about 2,400?",
    "I was thinking more like 640.",
    "I'd like to make you an offer.",
    "Seventy is my final offer.",
    "450 and you have a deal.",
    "Any chance you'd let it go for 90?",
    "Could we meet in the middle?",
    "I'll take the desk and the lamp for $140.",
    "I'd be happy to pay 275 cash.",
    "What do you say to 320?",
    "1,150 would work for me.",
    "Can we make it an even 500?",
    "Would you let them go for 60?",
    "I can't go any higher.",
    "How low would you go?",
    "Could you throw in the charger?",
  ])("%s → other", (sentence) => {
    expect(classifyObjection(sentence, en)).toBe("other");
  });
  it.each([
    "Can you do 3 pm on Friday?",
    "How about 10 am tomorrow?",
    "I can do 30 minutes on Tuesday.",
    "We could offer 20% more seats.",
    "What about 2 o'clock?",
    "I'll give you a call at 4.",
    "I will give $5 to the fund.",
    "We'll take the 15 minutes we need.",
    "Let's do 45 minutes next time.",
  ])("%s → not a bid", (sentence) => {
    expect(classifyObjection(sentence, en)).toBeNull();
  });
  it("repeating the rep's latest number accepts it; a condition or a question keeps it a bid", () => {
    const prev = "I can't do 300, but I could let it go for $340.";
    expect(classifyObjection("OK, 340 sounds fair.", { language: "en", previousText: prev })).toBeNull();
    expect(classifyObjection("Fine, $340 would work.", { language: "en", previousText: prev })).toBeNull();
    expect(classifyObjection("I can do 340 if you deliver it.", { language: "en", previousText: prev })).toBe(
      "other",
    );
    expect(classifyObjection("300 would work.", { language: "en", previousText: prev })).toBe("other");
    expect(classifyObjection("$340?", { language: "en", previousText: prev })).toBe("other");
  });
  it.each([
    "Since it's used, would you take 80?",
    "Considering the scratches, I'd offer 200.",
    "That's a lot for a ten-year-old laptop.",
    "They're worth $50 new, so I'll do 30.",
    "I've looked at the comps and 900 is fair.",
  ])("a bid argued from the item's value is price: %s", (sentence) => {
    expect(classifyObjection(sentence, en)).toBe("price");
  });
  it("a bid with a stated price problem is price: the problem is the objection", () => {
    expect(classifyObjection("That's too much for me, would you take 150?", en)).toBe("price");
    expect(classifyObjection("I'm on a tight budget, I can offer 300.", en)).toBe("price");
  });
});

describe("classifyObjection: resistance cue families", () => {
  it.each([
    // deflection: the ask turned back on the persuader, or on other people
    ["Have you ever donated to them yourself?", "other"],
    ["So are you planning to give something too?", "other"],
    ["Would you buy it yourself, honestly?", "other"],
    ["How much do you give every month?", "other"],
    ["If everyone just chipped in a little, it would be solved.", "other"],
    ["Honestly that's the government's job.", "other"],
    // personal choice: the customer's own habits and preferences
    ["I usually give to the animal shelter down the road.", "other"],
    ["We'd rather support causes closer to home.", "other"],
    ["I've already donated to the food bank this year.", "other"],
    ["I'd feel more comfortable with something local.", "other"],
    ["I'm not really inclined to, to be honest.", "other"],
    ["I always try to give to the food bank.", "other"],
    ["Usually I donate to local causes.", "other"],
    ["I've given to the Red Cross in the past.", "other"],
    ["What do you think about donating yourself?", "other"],
    // hesitance stated as the whole sentence, with or without a full stop
    ["I don't know.", "other"],
    ["i don't know", "other"],
    ["i'm not to sure about that", "other"],
    ["Not without seeing a contract first.", "other"],
    // undecided about the amount: the decision is put off (timing), not refused
    ["We'll sign up, we just haven't decided how many seats to buy.", "timing"],
    ["I'm not sure how much I would want to spend on it.", "timing"],
    ["I will give something, I just don't know how much yet.", "timing"],
    // hedged refusals
    ["I'm not sure I can commit to that.", "other"],
    ["I don't think we can justify it this year.", "other"],
    // credibility of where the money goes
    ["I worry most of it goes to salaries and overhead.", "trust"],
    ["How much of that actually reaches the families?", "trust"],
    ["I want to make sure my money is really helping someone.", "trust"],
    ["It's hard to tell whether they do what they promise.", "trust"],
    ["Is this a real charity?", "trust"],
    ["I'm not sure how this onboarding process will work.", "trust"],
    // stalling to research first
    ["I'd want to read up on them first.", "timing"],
    ["We'll check it out and let you know.", "timing"],
    ["I need more information before we decide.", "timing"],
    ["I'll donate later, after payday.", "timing"],
    // first-person hardship
    ["I've got bills to pay and two kids to feed.", "price"],
    ["I'm a college student, so money's tight.", "price"],
    ["I can't give much, sorry.", "price"],
    ["I really need every dollar right now.", "price"],
    // declining with zero
    ["I'll donate $0 this time.", "need"],
  ] as const)("%s → %s", (sentence, category) => {
    expect(classifyObjection(sentence, en)).toBe(category);
  });

  it.each([
    "Do you integrate with our calendar?",
    "Have you worked with logistics companies before?",
    "How much does the onboarding take?",
    "We usually meet on Tuesdays.",
    "I've given it some thought and I like it.",
    "I'm sure we can make the schedule work.",
    "The money goes straight to the field teams, which I like.",
    "Is this the real-time dashboard?",
    "Let me check the calendar.",
    "Before we start, can I share my screen?",
    "We pay our bills on the first of the month.",
    "I can give you a call back in five minutes.",
    "We had 0 outages last quarter.",
    "i can donate 0 50 today",
    "I'm good",
  ])("%s → not an objection", (sentence) => {
    expect(classifyObjection(sentence, en)).toBeNull();
  });

  it("'I'm good' is a refusal only as the reply to an ask", () => {
    expect(
      classifyObjection("I'm good", { language: "en", previousText: "Would you like to start a trial?" }),
    ).toBe("need");
  });
  it("a bare 'Sorry' after a commitment ask is a refusal", () => {
    expect(classifyObjection("Sorry.", { language: "en", previousText: "Can I count you in for ten?" })).toBe(
      "need",
    );
  });
});

describe("classifyObjection: sentences with cues of several categories", () => {
  it.each([
    // overlapping cues: the order of CATEGORY_ORDER
    ["It's cheaper elsewhere.", "competitor"],
    ["Before we sign, how do I know the data is safe?", "trust"],
    // separate clauses: the first objection raised, as with punctuated sentences
    ["its too expensive and we already use gong", "price"],
    ["we already use gong and honestly its too expensive", "competitor"],
    ["We'd pay 400 if you can share some references.", "other"],
    ["we'd pay 400 if you can share some references", "other"],
    // a clause opened by "but" takes over from the one it contrasts with
    ["We're happy with our current vendor, but maybe next quarter.", "timing"],
    ["we're happy with our current vendor but maybe next quarter", "timing"],
    ["I'd need my CFO to sign off, but honestly it's also too expensive.", "price"],
    // …only when its own first clause holds a cue
    ["I'd need my CFO to sign off, but if you send the deck I'll forward it.", "authority"],
  ] as const)("%s → %s", (sentence, category) => {
    expect(classifyObjection(sentence, en)).toBe(category);
  });
});

describe("classifyTurn: a hedge as the customer's last word", () => {
  const turn = (text: string) => classifyTurn(text, splitSentences(text), en);
  it("'Maybe.' alone, or at the end of the turn, is hesitance", () => {
    expect(turn("Maybe.")).toEqual(["other"]);
    expect(turn("maybe")).toEqual(["other"]);
    expect(turn("A few seats, maybe.")).toEqual(["other"]);
  });
  it("followed by more, the rest of the turn says what it meant", () => {
    expect(turn("Possibly. That might be a good way to start.")).toEqual([null, null]);
    expect(turn("Maybe. Send me an invite and I'll see.")).toEqual([null, null]);
  });
});

describe("classifyObjection: ASR text without punctuation or case", () => {
  it.each([
    ["yeah i mean its just too expensive for us right now", "price"],
    ["we dont have budget for this", "price"],
    ["i need to run this by my manager", "authority"],
    ["we already use salesforce for that", "competitor"],
    ["im not interested", "need"],
    ["how do i know it will work", "trust"],
  ] as const)("%s → %s", (sentence, category) => {
    expect(classifyObjection(sentence, en)).toBe(category);
  });
});

describe("classifyObjection: Russian", () => {
  it.each([
    ["Это для нас слишком дорого.", "price"],
    ["У нас нет бюджета на это.", "price"],
    ["Это выходит за рамки нашего бюджета.", "price"],
    ["Цена, честно говоря, кусается.", "price"],
    ["А скидку дадите?", "price"],
    ["Не сейчас, давайте вернемся к этому в следующем квартале.", "timing"],
    ["Мне надо подумать.", "timing"],
    ["Сейчас не до этого, у нас идет миграция.", "timing"],
    ["Давайте позже.", "timing"],
    ["Мне нужно согласовать это с руководством.", "authority"],
    ["Решение принимает генеральный директор.", "authority"],
    ["Я не решаю такие вопросы.", "authority"],
    ["Нам это не нужно.", "need"],
    ["Не интересно, спасибо.", "need"],
    ["Нас всё устраивает.", "need"],
    ["Мы уже используем amoCRM.", "competitor"],
    ["У нас есть своя разработка.", "competitor"],
    ["Чем вы лучше конкурентов?", "competitor"],
    ["Не уверен, что это сработает у нас.", "trust"],
    ["Как мы узнаем, что данные в безопасности?", "trust"],
    ["Мы уже обжеглись на похожем сервисе.", "trust"],
    ["Какие гарантии?", "trust"],
    ["Не знаю пока.", "other"],
  ] as const)("%s → %s", (sentence, category) => {
    expect(classifyObjection(sentence, ru)).toBe(category);
  });

  it.each([
    "Наши расходы на рекламу слишком высокие.",
    "Отлично, договорились.",
    "Да, это нам интересно.",
    "Бюджет у нас есть.",
    "Цена не проблема.",
    "А интеграция с 1С есть?",
    "Сколько пользователей можно добавить?",
  ])("%s → null", (sentence) => {
    expect(classifyObjection(sentence, ru)).toBeNull();
  });

  it("reads Cyrillic text with Russian rules even when the call is declared English", () => {
    expect(classifyObjection("Слишком дорого", en)).toBe("price");
  });
});

// ---------------------------------------------------------------- detection and handling

const u = (speaker: string, start: number | null, end: number | null, text: string): Utterance => ({
  speaker,
  start,
  end,
  text,
});

function input(utterances: Utterance[], language = "en"): CoachingInput {
  const transcript: Transcript = {
    language,
    speakers: [
      { id: "rep", role: "rep" },
      { id: "cust", role: "customer" },
    ],
    utterances,
  };
  return { transcript, analysis: analyzeTranscript(transcript), playbook: null };
}

function expectVerbatim(objections: Objection[], utterances: Utterance[]): void {
  for (const o of objections) {
    expect(ObjectionSchema.parse(o)).toEqual(o);
    expect(utterances.some((x) => x.speaker === o.speaker && x.text.includes(o.text))).toBe(true);
    if (o.response !== null) expect(utterances.some((x) => x.text.includes(o.response!.quote))).toBe(true);
  }
}

describe("detectObjections: handling", () => {
  it("well handled: acknowledge → clarify → respond with value → confirm → accepted", () => {
    const utts = [
      u("rep", 0, 5, "So the plan for forty seats comes to thirty-two thousand a year."),
      u("cust", 5.5, 9, "Hmm. Honestly, that's more than we budgeted for this year."),
      u("rep", 10.2, 14, "That's completely fair, I hear that a lot. What budget did you have in mind?"),
      u("cust", 14.5, 17, "Around twenty."),
      u(
        "rep",
        17.5,
        28,
        "Customers like Acme cut admin time by 30% and paid back the license in four months. We can also start with 25 seats and a quarterly payment plan. Does that address the budget concern?",
      ),
      u("cust", 28.5, 31, "Okay, that works. Let's do the 25 seats."),
    ];
    const found = detectObjections(input(utts));
    expect(found).toHaveLength(1);
    const o = found[0]!;
    expect(o.category).toBe("price");
    expect(o.speaker).toBe("cust");
    expect(o.start).toBe(5.5);
    expect(o.text).toBe("Honestly, that's more than we budgeted for this year.");
    expect(o.handling).toEqual({ acknowledged: true, clarified: true, responded: true, confirmed: true });
    expect(o.responseDelaySec).toBe(1.2);
    expect(o.resolved).toBe(true);
    expect(o.response).toEqual({
      speaker: "rep",
      start: 10.2,
      quote: "That's completely fair, I hear that a lot.",
    });
    expectVerbatim(found, utts);
    expect(objectionMetrics(found)).toEqual({ count: 1, handledShare: 1, resolvedShare: 1 });
  });

  it("badly handled: the rep ignores the concern and pitches; the customer repeats it", () => {
    const utts = [
      u("cust", 0, 4, "I need to run this by my boss before we go any further."),
      u("rep", 4.5, 12, "Let me show you our new dashboard, it has twenty widgets and a dark mode."),
      u("cust", 12.5, 15, "Sure, but like I said, my boss has to approve anything like this."),
      u("rep", 15.5, 18, "And the mobile app is really popular too."),
    ];
    const found = detectObjections(input(utts));
    expect(found.map((o) => o.category)).toEqual(["authority", "authority"]);
    const first = found[0]!;
    expect(first.handling).toEqual({
      acknowledged: false,
      clarified: false,
      responded: false,
      confirmed: false,
    });
    expect(first.resolved).toBe(false);
    expect(first.responseDelaySec).toBe(0.5);
    expect(first.response?.quote).toBe(
      "Let me show you our new dashboard, it has twenty widgets and a dark mode.",
    );
    expectVerbatim(found, utts);
    expect(objectionMetrics(found)).toEqual({ count: 2, handledShare: 0, resolvedShare: 0 });
  });

  it("unanswered at the end of the call", () => {
    const utts = [
      u("rep", 0, 3, "Great, so I'll send the contract over today."),
      u("cust", 3.5, 6, "Actually, we already use Gong for call recording."),
    ];
    const [o] = detectObjections(input(utts));
    expect(o?.category).toBe("competitor");
    expect(o?.response).toBeNull();
    expect(o?.responseDelaySec).toBeNull();
    expect(o?.resolved).toBe(false);
    expect(o?.handling).toEqual({
      acknowledged: false,
      clarified: false,
      responded: false,
      confirmed: false,
    });
  });

  it("the rep answers but the customer escalates the same concern", () => {
    const utts = [
      u("cust", 0, 3, "How do I know this will actually work with our data?"),
      u("rep", 3.5, 9, "I understand. We have a 99.9% uptime SLA and SOC 2 Type II certification."),
      u("cust", 9.5, 12, "I'm still not convinced, we got burned by a vendor like you before."),
    ];
    const found = detectObjections(input(utts));
    expect(found[0]?.category).toBe("trust");
    expect(found[0]?.handling.acknowledged).toBe(true);
    expect(found[0]?.handling.responded).toBe(true);
    expect(found[0]?.resolved).toBe(false);
  });

  it("a customer who moves on to another topic counts as resolved", () => {
    const utts = [
      u("cust", 0, 3, "Not right now, we're busy with a migration."),
      u("rep", 3.5, 9, "Makes sense. Setup takes two days and our team handles the import for you."),
      u("cust", 9.5, 12, "Interesting. What does the reporting look like for managers?"),
    ];
    const [o] = detectObjections(input(utts));
    expect(o?.category).toBe("timing");
    expect(o?.handling.acknowledged).toBe(true);
    expect(o?.handling.responded).toBe(true);
    expect(o?.resolved).toBe(true);
  });

  it("a reply that starts with a refusal is not resolved, even when it then moves on", () => {
    const utts = [
      u("cust", 0, 3, "Not right now, we're busy with a migration."),
      u("rep", 3.5, 9, "Makes sense. Setup takes two days and our team handles the import for you."),
      u("cust", 9.5, 12, "No, let's move on. What does the reporting look like for managers?"),
    ];
    const [o] = detectObjections(input(utts));
    expect(o?.category).toBe("timing");
    expect(o?.resolved).toBe(false);
  });

  it("reads a leading refusal word in every language, with or without punctuation", () => {
    const refusals: Array<[string, string]> = [
      ["en", "No, let's move on."],
      ["en", "nope let's move on"],
      ["en", "no I think we're done"],
      ["en", "No."],
      ["en", "Not really. Let's talk about the reports."],
      ["de", "Nein, lassen Sie uns weitermachen."],
      ["es", "No, sigamos con otra cosa."],
      ["fr", "Non, passons à autre chose."],
      ["pt", "Não, vamos seguir em frente."],
      ["ru", "Нет, давайте дальше."],
    ];
    for (const [language, text] of refusals) {
      const reject = coachingLanguage(language).objections.handling.reject;
      expect(reject.test(coachingLanguage(language).objections.normalize(text)), text).toBe(true);
    }
    // A word that only starts with "no", "no" as a determiner and the idioms of agreement are no refusal.
    const en = coachingLanguage("en").objections;
    for (const text of [
      "Nothing else, thanks.",
      "No more write-offs from failures we didn't catch.",
      "No problem, that works.",
      "No worries, let's go ahead.",
    ])
      expect(en.handling.reject.test(en.normalize(text)), text).toBe(false);
  });

  it("backchannels neither close the window nor count as replies", () => {
    const utts = [
      u("cust", 0, 3, "We don't really need another tool."),
      u("rep", 3.2, 3.5, "Mm-hmm."),
      u("cust", 3.6, 4, "Yeah."),
      u("rep", 4.5, 10, "I hear you. Teams like yours use it to cut ramp time by half, for example."),
      u("cust", 10.5, 11, "Okay."),
    ];
    const [o] = detectObjections(input(utts));
    expect(o?.responseDelaySec).toBe(1.5);
    expect(o?.handling.acknowledged).toBe(true);
    expect(o?.handling.responded).toBe(true);
    expect(o?.resolved).toBe(true);
  });

  it("untimed transcripts: delay null, start null, handling still judged", () => {
    const utts = [
      u("cust", null, null, "It's too expensive for us."),
      u("rep", null, null, "That's fair. What price were you expecting?"),
      u("cust", null, null, "Maybe half of that."),
      u("rep", null, null, "We can offer a 20% discount on an annual plan. Would that work?"),
      u("cust", null, null, "Sounds good."),
    ];
    const found = detectObjections(input(utts));
    expect(found[0]?.category).toBe("price");
    expect(found[0]?.start).toBeNull();
    expect(found[0]?.responseDelaySec).toBeNull();
    expect(found[0]?.response?.start).toBeNull();
    expect(found[0]?.handling).toEqual({
      acknowledged: true,
      clarified: true,
      responded: true,
      confirmed: true,
    });
    expect(found.at(-1)?.resolved).toBe(true);
  });

  it("uses the first word's start when the utterance has none", () => {
    const utts: Utterance[] = [
      {
        speaker: "cust",
        start: null,
        end: null,
        text: "Not interested.",
        words: [
          { text: "Not", start: 7, end: 7.3 },
          { text: "interested.", start: 7.3, end: 8 },
        ],
      },
      u("rep", 8.4, 10, "Understood, thanks for being upfront."),
    ];
    const [o] = detectObjections(input(utts));
    expect(o?.start).toBe(7);
    expect(o?.responseDelaySec).toBe(0.4);
  });

  it("one objection per utterance and category; the first sentence is quoted", () => {
    const utts = [u("cust", 0, 6, "It's expensive. Really expensive. And I'd need my CFO to sign off.")];
    const found = detectObjections(input(utts));
    expect(found.map((o) => [o.category, o.text])).toEqual([
      ["price", "It's expensive."],
      ["authority", "And I'd need my CFO to sign off."],
    ]);
  });

  it("ignores the rep's own words and pain statements", () => {
    const utts = [
      u("rep", 0, 3, "A lot of teams tell me it's too expensive at first."),
      u("cust", 3.5, 8, "Our support costs are too high, that's why we're talking to you."),
    ];
    expect(detectObjections(input(utts))).toEqual([]);
  });

  it("without a customer role, every non-rep speaker is read as the customer", () => {
    const transcript: Transcript = {
      speakers: [{ id: "A", role: "rep" }],
      utterances: [u("A", 0, 2, "Shall we start Monday?"), u("B", 2.5, 4, "Let me think about it.")],
    };
    const analysis = analyzeTranscript(transcript, { rep: ["A"] });
    const found = detectObjections({ transcript, analysis, playbook: null });
    expect(found.map((o) => [o.speaker, o.category])).toEqual([["B", "timing"]]);
  });

  it("Russian call: acknowledge, value, confirm, accepted", () => {
    const utts = [
      u("cust", 0, 3, "Честно говоря, для нас это дорого."),
      u(
        "rep",
        3.6,
        12,
        "Понимаю вас. Клиенты окупают лицензию за три месяца, а ещё есть рассрочка. Это снимает вопрос?",
      ),
      u("cust", 12.5, 14, "Да, хорошо, договорились."),
    ];
    const [o] = detectObjections(input(utts, "ru"));
    expect(o?.category).toBe("price");
    expect(o?.handling).toEqual({ acknowledged: true, clarified: false, responded: true, confirmed: true });
    expect(o?.responseDelaySec).toBe(0.6);
    expect(o?.resolved).toBe(true);
  });

  it("an hour-long call is analysed in a few milliseconds", () => {
    const lines = [
      "So tell me how your team handles follow-ups today?",
      "Honestly it's a bit too expensive and I need to run it by my boss.",
      "I totally understand. Customers like you save 30% of admin time. Does that help?",
      "Okay that makes sense, what about the integration with our CRM?",
    ];
    const utts: Utterance[] = [];
    for (let i = 0; i < 800; i++) {
      utts.push(u(i % 2 === 0 ? "rep" : "cust", i * 4.5, i * 4.5 + 4, lines[i % lines.length]!));
    }
    const inp = input(utts);
    detectObjections(inp); // warm-up
    const t0 = performance.now();
    const found = detectObjections(inp);
    const ms = performance.now() - t0;
    expect(found.length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(1_000); // a guard against pathological regexes, not a benchmark
  });
});

describe("objectionMetrics", () => {
  it("is null-safe with no objections", () => {
    expect(objectionMetrics([])).toEqual({ count: 0, handledShare: null, resolvedShare: null });
  });
  it("handled needs both acknowledge and respond", () => {
    const base: Objection = {
      speaker: "c",
      start: 0,
      text: "x",
      category: "price",
      handling: { acknowledged: true, clarified: false, responded: true, confirmed: false },
      responseDelaySec: null,
      resolved: true,
      response: null,
    };
    const list = [
      base,
      { ...base, handling: { ...base.handling, responded: false }, resolved: false },
      { ...base, handling: { ...base.handling, acknowledged: false } },
      base,
    ];
    expect(objectionMetrics(list)).toEqual({ count: 4, handledShare: 0.5, resolvedShare: 0.75 });
  });
});

describe("robustness", () => {
  it("classifyObjection never throws and returns a category or null", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.string({ maxLength: 200 })),
        fc.boolean(),
        (s, prev, isRu) => {
          const ctx =
            prev === null
              ? { language: isRu ? "ru" : "en" }
              : { language: isRu ? "ru" : "en", previousText: prev };
          const r = classifyObjection(s, ctx);
          expect(r === null || typeof r === "string").toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("detectObjections never throws and only quotes verbatim text", () => {
    const utt = fc.record({
      speaker: fc.constantFrom("rep", "cust", "x"),
      start: fc.option(fc.float({ min: 0, max: 1000, noNaN: true })),
      end: fc.option(fc.float({ min: 0, max: 1000, noNaN: true })),
      text: fc.oneof(
        fc.string({ maxLength: 120 }),
        fc.constantFrom(
          "It's too expensive.",
          "I need to check with my boss. Not now.",
          "I understand. We save you 20%. Does that help?",
          "Okay that works.",
          "Нам это не нужно.",
          "",
        ),
      ),
    });
    fc.assert(
      fc.property(fc.array(utt, { maxLength: 25 }), fc.constantFrom("en", "ru"), (utts, language) => {
        const found = detectObjections(input(utts as Utterance[], language));
        expectVerbatim(found, utts as Utterance[]);
      }),
      { numRuns: 150 },
    );
  });
});
