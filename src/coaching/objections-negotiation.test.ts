import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "../analysis/analyze.js";
import { splitSentences } from "../text/sentences.js";
import type { Transcript } from "../transcript/model.js";
import { classifyObjection, classifyTurn, detectObjections } from "./objections.js";
import { normalize } from "./objections-lexicon.js";
import { negotiationCategory, readNegotiation } from "./objections-negotiation.js";

const en = { language: "en" };
const turn = (text: string, previousText?: string) =>
  classifyTurn(text, splitSentences(text), previousText === undefined ? en : { ...en, previousText });

describe("classifyTurn: a haggling turn is a bid unless it gives a reason", () => {
  it.each([
    // a grumble plus an offer, or a request to come down, with no reason: a bid
    ["That's a bit steep. How about 300?", ["other", "other"]],
    ["400 is too high for me, would you take 320?", ["other"]],
    ["Would you be willing to lower the price?", ["other"]],
    ["Can you do better on the price?", ["other"]],
    ["Is the price negotiable at all?", ["other"]],
    ["The best I can do is $450.", ["other"]],
    // a final stance is a move; a buyer who makes an offer is no refusal for lack of need
    ["That's too expensive. Take it or leave it.", ["other", "other"]],
    ["I don't need the extra cushions. Would you take 250 for the sofa?", ["other", "other"]],
    // a trade offered or extras asked for: a bid, even when money is tight
    ["Money's a bit tight. Would you take 300 if I pick it up myself?", [null, "other"]],
    ["That's steep for my budget. Could you throw in the pump?", ["other", "other"]],
    ["If we sign for three years, can you lower the price?", ["other"]],
    // …in any tense of the verb
    ["It's steep since it's used. Would you do 200 if I picked it up?", ["other", "other"]],
  ])("%s → %j", (text, expected) => {
    expect(turn(text)).toEqual(expected);
  });

  it.each([
    // the customer's own means
    ["I'm on a tight budget. Could you do 150?", ["price", "price"]],
    ["I only have $200 to my name. Would you take 180?", ["price", "price"]],
    // the item's value, in the same or another sentence
    ["Stools like these are worth $50 new. I'll do 40.", ["price", "price"]],
    ["That's steep for a car with 120k miles, would you take 9,000?", ["price"]],
    ["I'd like to buy it for $7 since it has been used.", ["price"]],
    // a ceiling on what the customer can pay is a limit of means, not a position
    ["I'm sorry, the most I can spend is $185.", ["price"]],
    ["The max we could pay is 2000, would that work?", ["price"]],
    ["It looks great, but I can only pay $36.", ["price"]],
    ["It's too pricey for an out of date phone. Would you take 80?", ["price", "price"]],
  ])("%s → %j (a reason makes it a price objection)", (text, expected) => {
    expect(turn(text)).toEqual(expected);
  });

  it("leaves turns without negotiation as the sentences read them", () => {
    expect(turn("Honestly, it's a bit too expensive for us.")).toEqual(["price"]);
    expect(turn("We already use Gong. I need to run it by my boss.")).toEqual(["competitor", "authority"]);
    expect(turn("Thanks, that's clear.")).toEqual([null]);
  });

  it("does not read a doubted figure as a discount request", () => {
    // "I'd discount that number" doubts the rep's ROI figure; it asks for nothing.
    expect(readNegotiation(normalize("The fuel number I'd discount a bit, diesel moves.")).negotiates).toBe(
      false,
    );
    expect(readNegotiation(normalize("Can you give us a discount?")).negotiates).toBe(true);
  });

  it("keeps Russian turns to the Russian rules", () => {
    const text = "Дорого. Может, за 300?";
    const sentences = splitSentences(text);
    expect(classifyTurn(text, sentences, { language: "ru" })).toEqual(
      sentences.map((s) => classifyObjection(s, { language: "ru" })),
    );
  });

  it("turns only a bid sentence into price, not other hesitation", () => {
    const reading = readNegotiation(
      normalize("I'm on a tight budget, would you take 150? I'm not sure yet."),
    );
    expect(negotiationCategory("other", normalize("would you take 150?"), reading)).toBe("price");
    expect(negotiationCategory("other", normalize("I'm not sure yet."), reading)).toBe("other");
    expect(negotiationCategory("trust", normalize("would you take 150?"), reading)).toBe("trust");
  });
});

describe("detectObjections reads each customer turn whole", () => {
  it("files a haggling turn as a bid and a reasoned one as price", () => {
    const transcript: Transcript = {
      language: "en",
      speakers: [
        { id: "S", role: "rep" },
        { id: "B", role: "customer" },
      ],
      utterances: [
        { speaker: "S", text: "I'm asking $400 for the bike." },
        { speaker: "B", text: "That's a bit steep. How about 300?" },
        { speaker: "S", text: "I could do 380." },
        { speaker: "B", text: "I'm a student, so money is tight. Would you take 320?" },
      ],
    } as Transcript;
    const objections = detectObjections({
      transcript,
      analysis: analyzeTranscript(transcript),
      playbook: null,
    });
    expect(objections.map((o) => [o.category, o.text])).toEqual([
      ["other", "That's a bit steep."],
      ["price", "I'm a student, so money is tight."],
    ]);
  });
});
