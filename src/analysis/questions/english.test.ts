import { describe, expect, it } from "vitest";
import { classifySentence, type QuestionKind } from "./index.js";

const en = (s: string, previousText?: string): QuestionKind | null =>
  classifySentence(s, previousText === undefined ? { language: "en" } : { language: "en", previousText });

const cases = (rows: Array<[string, QuestionKind | null]>) => rows.map(([s, k]) => ({ s, k }));

describe("English: open questions", () => {
  it.each(
    cases([
      ["What made you look at this now?", "open"],
      ["So what does your current process look like", "open"],
      ["how many reps are on the team", "open"],
      ["Why did the last rollout stall?", "open"],
      ["Where are you based?", "open"],
      ["When is the renewal date", "open"],
      ["who owns the renewal process", "open"],
      ["Which teams would use it day to day?", "open"],
      ["what kind of CRM are you on", "open"],
      ["what's your timeline for rolling this out", "open"],
      ["How come you moved away from spreadsheets?", "open"],
      ["Well, Stephanie, what's your position on this?", "open"],
      ["Um, so, uh, what, what tools do you use?", "open"],
      ["About how much do you spend per seat?", "open"],
      ["How about the security review?", "open"],
      ["What about the legal team?", "open"],
      ["What if the pilot goes well?", "open"],
      ["Why?", "open"],
      ["and you'd roll it out where?", "open"],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("English: explanation requests are open", () => {
  it.each(
    cases([
      ["Tell me about your team.", "open"],
      ["Walk me through how deals get approved", "open"],
      ["Could you walk me through your onboarding?", "open"],
      ["Can you describe the current workflow?", "open"],
      ["Could you explain how pricing was set last year?", "open"],
      ["Would you mind telling me a bit about the evaluation?", "open"],
      ["Help me understand what happens after a lead comes in.", "open"],
      ["I'd love to hear how you handle renewals.", "open"],
      ["I'm curious what your process is today", "open"],
      ["Can you tell me more about the team?", "open"],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("English: closed questions", () => {
  it.each(
    cases([
      ["Do you have budget allocated for this?", "closed"],
      ["do you have budget allocated for this", "closed"],
      ["Are you the decision maker here, um", "closed"],
      ["Is the board involved in this decision", "closed"],
      ["Have you looked at other vendors?", "closed"],
      ["Can you send me the deck?", "closed"],
      ["would that work for you", "closed"],
      ["Don't you think the timing is tight?", "closed"],
      ["Can you tell me whether the contract renews in May?", "closed"],
      ["Do you know what your budget is?", "closed"],
      ["You're using Salesforce today?", "closed"],
      ["So the budget is approved?", "closed"],
      ["Any questions?", "closed"],
      ["you ever tried Gong", "closed"],
      ["and then we moved to Salesforce so do you use it too", "closed"],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("English: tag and either/or questions are closed", () => {
  it.each(
    cases([
      ["We use HubSpot, right?", "closed"],
      ["It's a big team, isn't it?", "closed"],
      ["That's the plan, correct?", "closed"],
      ["the contract ends in June doesn't it", "closed"],
      ["you're still on the legacy plan right", "closed"],
      ["Which do you prefer, monthly or annual?", "closed"],
      ["What works better for you, Tuesday or Wednesday?", "closed"],
      ["Is it Tuesday or Wednesday that works?", "closed"],
      ["Are you going to renew or not?", "closed"],
      ["Is that something you want to fix this quarter or not", "closed"],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("English: not questions", () => {
  it.each(
    cases([
      ["That's what I said.", null],
      ["I wonder what they will do.", null],
      ["I don't know how it works", null],
      ["when we signed the contract we were happy", null],
      ["What I mean is that the budget is fixed.", null],
      ["What happens is the lead goes to the SDR team.", null],
      ["which is why we moved", null],
      ["We use Salesforce.", null],
      ["I said, how are we going to pay for this?", null],
      ["Don't worry about it.", null],
      ["What a great idea!", null],
      ["we don't know whether they renew or not", null],
      ["Tell me about it.", null],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("English: rhetorical questions and backchannels are not counted", () => {
  it.each([
    "Oh really?",
    "Really?",
    "You know?",
    "Huh?",
    "What?",
    "Who knows?",
    "Who cares?",
    "Why not?",
    "Isn't that funny?",
    "How are you doing today?",
    "Are you serious?",
    "Oh, you did?",
    "What can you do?",
    "Guess what?",
    "Oh, is that right?",
  ])("%s → null", (s) => expect(en(s, "We doubled the team last quarter.")).toBeNull());

  it("a bare tag reacting to another speaker is a backchannel, after one's own words a tag question", () => {
    expect(en("Right?", "We have fifty reps.")).toBeNull();
    expect(en("Is that right?", "We have fifty reps.")).toBeNull();
    expect(en("Right?")).toBe("closed");
    expect(en("Is that right?")).toBe("closed");
    // An acknowledgment from the listener is nothing to react to.
    expect(en("Right?", "uh-huh")).toBe("closed");
  });

  it("an echo of the other speaker is not a question", () => {
    expect(en("Oh, Denver?", "We moved to Denver.")).toBeNull();
  });
});

describe("English: robustness", () => {
  it.each(["", "   ", "?", "...", "🙂🙂🙂", "?!?!", "\u0000\uffff", "uh um", "💰 budget ???"])(
    "%j never throws",
    (s) => {
      expect(() => en(s)).not.toThrow();
    },
  );
  it("a language tag with a region, or a language without rules, uses English rules", () => {
    expect(classifySentence("do you have budget", { language: "en-US" })).toBe("closed");
    expect(classifySentence("do you have budget", { language: "it" })).toBe("closed");
  });
});

describe("English: indirect questions aimed at the listener", () => {
  it.each(
    cases([
      ["I don't know if you've seen our new dashboard.", "closed"],
      ["I'm not sure whether your team has budget for this.", "closed"],
      ["I don't know if it works.", null],
      ["I don't know what you mean.", null],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("English: a period does not cancel an unmistakable question form", () => {
  it.each(
    cases([
      // Inverted auxiliary agreeing with a pronoun subject.
      ["Is it still on the legacy plan.", "closed"],
      ["Does it integrate with Salesforce.", "closed"],
      ["Are they still using spreadsheets.", "closed"],
      ["Or is there a procurement step.", "closed"],
      // Elliptical agreement, requests with "I" and clefts are not questions.
      ["So do we.", null],
      ["Can I send it over tomorrow.", null],
      ["The thing is, is that we need approval first.", null],
      // "what about / how about" fragments and wh + inversion with a pronoun subject.
      ["What about the legal team.", "open"],
      ["How about you.", "open"],
      ["How about we meet Tuesday.", null],
      ["How does it handle renewals.", "open"],
      ["What's their budget.", "open"],
      ["What do we do next.", null],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("English: questions broken off after the auxiliary and subject", () => {
  it("an unpunctuated fragment is a question, a reaction or agreement is not", () => {
    expect(en("so are you")).toBe("closed");
    expect(en("do you uh")).toBe("closed");
    expect(en("so do I")).toBeNull();
    expect(en("is it,")).toBeNull(); // abandoned, the speaker moves on
    // Echo of the other speaker's auxiliary.
    expect(en("do you", "We do.")).toBeNull();
    expect(en("Do you?", "We do use Gong.")).toBeNull();
  });
});

describe("English: comprehension checks and reactions", () => {
  it("'you know?' on its own after one's own words is a tag question, after another speaker a backchannel", () => {
    expect(en("You know?")).toBe("closed");
    expect(en("You know?", "We signed last year.")).toBeNull();
    expect(en("That's the bottleneck, you know what I mean?")).toBe("closed");
  });
  it("a listener's turn cut off mid-clause is nothing to react to", () => {
    expect(en("Right?", "and then the")).toBe("closed");
    expect(en("Right?", "We have fifty reps.")).toBeNull();
  });
});

describe("English: reported speech and suggestions", () => {
  it.each(
    cases([
      ["And the CFO just goes, why are we paying for this?", null],
      ["I asked him, what's the budget?", null],
      ["and then you go, what now?", null],
      ["Tell me, what's the budget?", "open"],
      ["Why don't we set up a demo next week?", null],
      ["Why don't I send over the contract?", null],
      ["Why don't you use the API today?", "open"],
      ["The question is how do you roll this out?", "open"],
    ]),
  )("$s → $k", ({ s, k }) => expect(en(s)).toBe(k));
});

describe("explanation requests count wherever they open a chunk", () => {
  it.each([
    "When you say the price was hard to justify, walk me through what you compared it to.",
    "Dale, talk me through how dispatch works today.",
    "Before we go on, tell me about your current process.",
  ])("%s → open", (s) => {
    expect(classifySentence(s, { language: "en" })).toBe("open");
  });
});
