//! 基本チェックリスト: the 25 questions, which answer of each counts (該当),
//! the tallies per domain printed on the 介護予防サービス・支援計画書, and the
//! 事業対象者 criteria (告示第197号 様式第二).
//!
//! Question 12 is not answered はい/いいえ: it is 身長 and 体重, and counts
//! when the BMI is under 18.5. Both are kept in tenths (millimetres and
//! hectograms), so the comparison is exact integer arithmetic: no BMI is
//! ever rounded before it is compared. Readings of the sources that rest
//! on fewer than two of them are listed in `docs/readings.md`.
//!
//! ```
//! use careplan_core::forms::yobo::checklist::{Answer, BodyMeasures, Checklist, Criterion, Domain};
//!
//! // Everything answered the healthy way, but three falls-and-mobility items count.
//! let mut answers = Checklist::HEALTHY;
//! for n in [6, 7, 9] {
//!     answers = answers.with(n, Answer::counting(n).unwrap()).unwrap();
//! }
//! let list = Checklist::new(answers, BodyMeasures::new(1600, 550).unwrap());
//! assert_eq!(list.count(Domain::Motor), 3);
//! assert_eq!(list.criteria_met(), vec![Criterion::Motor]);
//! assert!(list.meets_jigyo_criteria());
//! ```

use crate::code_enum;

code_enum! {
    /// An answer to a question of the checklist.
    pub enum Answer {
        /// はい.
        Yes = "yes", "はい";
        /// いいえ.
        No = "no", "いいえ";
    }
}

impl Answer {
    /// The other answer.
    pub const fn opposite(self) -> Answer {
        match self {
            Answer::Yes => Answer::No,
            Answer::No => Answer::Yes,
        }
    }

    /// The answer to question `number` that counts (該当), or `None` for 12
    /// (measured, not answered) and numbers outside 1–25.
    pub fn counting(number: u8) -> Option<Answer> {
        match question(number)?.counts {
            Counts::When(answer) => Some(answer),
            Counts::BmiUnder18_5 => None,
        }
    }

    /// The answer to question `number` that does not count (the healthy
    /// one); `None` as for [`Answer::counting`].
    pub fn healthy(number: u8) -> Option<Answer> {
        Answer::counting(number).map(Answer::opposite)
    }
}

code_enum! {
    /// The question groups of the checklist. The plan prints a tally for
    /// each but 生活 (No.1–5).
    pub enum Domain {
        /// 生活 (No.1–5): no box on the plan.
        Life = "life", "生活";
        /// 運動 (No.6–10): 運動不足 ／5.
        Motor = "motor", "運動不足";
        /// 栄養 (No.11–12): 栄養改善 ／2.
        Nutrition = "nutrition", "栄養改善";
        /// 口腔 (No.13–15): 口腔内ケア ／3.
        Oral = "oral", "口腔内ケア";
        /// 閉じこもり (No.16–17): 閉じこもり予防 ／2.
        Housebound = "housebound", "閉じこもり予防";
        /// 認知 (No.18–20): 物忘れ予防 ／3.
        Memory = "memory", "物忘れ予防";
        /// うつ (No.21–25): うつ予防 ／5.
        Mood = "mood", "うつ予防";
    }
}

impl Domain {
    /// The first and last question of the domain.
    pub const fn questions(self) -> (u8, u8) {
        match self {
            Domain::Life => (1, 5),
            Domain::Motor => (6, 10),
            Domain::Nutrition => (11, 12),
            Domain::Oral => (13, 15),
            Domain::Housebound => (16, 17),
            Domain::Memory => (18, 20),
            Domain::Mood => (21, 25),
        }
    }

    /// How many questions the domain has (the plan's denominator).
    pub const fn size(self) -> u8 {
        let (first, last) = self.questions();
        last - first + 1
    }

    /// Whether the 介護予防サービス・支援計画書 prints this domain's tally.
    pub const fn printed_on_plan(self) -> bool {
        !matches!(self, Domain::Life)
    }
}

/// When a question counts (該当).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counts {
    /// When this is the answer.
    When(Answer),
    /// Question 12: when BMI = 体重(kg) ÷ 身長(m)² is under 18.5.
    BmiUnder18_5,
}

/// A question of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Its number, 1–25.
    pub number: u8,
    /// The question as printed.
    pub text_ja: &'static str,
    /// When it counts.
    pub counts: Counts,
}

const fn yes(number: u8, text_ja: &'static str) -> Question {
    Question {
        number,
        text_ja,
        counts: Counts::When(Answer::Yes),
    }
}

const fn no(number: u8, text_ja: &'static str) -> Question {
    Question {
        number,
        text_ja,
        counts: Counts::When(Answer::No),
    }
}

/// The 25 questions in order; `yes`/`no` name the answer that counts.
pub const QUESTIONS: [Question; 25] = [
    no(1, "バスや電車で1人で外出していますか"),
    no(2, "日用品の買物をしていますか"),
    no(3, "預貯金の出し入れをしていますか"),
    no(4, "友人の家を訪ねていますか"),
    no(5, "家族や友人の相談にのっていますか"),
    no(6, "階段を手すりや壁をつたわらずに昇っていますか"),
    no(
        7,
        "椅子に座った状態から何もつかまらずに立ち上がっていますか",
    ),
    no(8, "15分位続けて歩いていますか"),
    yes(9, "この1年間に転んだことがありますか"),
    yes(10, "転倒に対する不安は大きいですか"),
    yes(11, "6ヵ月間で2～3kg以上の体重減少がありましたか"),
    Question {
        number: 12,
        text_ja: "身長　　cm　体重　　kg　（BMI＝　　）（注）",
        counts: Counts::BmiUnder18_5,
    },
    yes(13, "半年前に比べて固いものが食べにくくなりましたか"),
    yes(14, "お茶や汁物等でむせることがありますか"),
    yes(15, "口の渇きが気になりますか"),
    no(16, "週に1回以上は外出していますか"),
    yes(17, "昨年と比べて外出の回数が減っていますか"),
    yes(
        18,
        "周りの人から「いつも同じ事を聞く」などの物忘れがあると言われますか",
    ),
    no(19, "自分で電話番号を調べて、電話をかけることをしていますか"),
    yes(20, "今日が何月何日かわからない時がありますか"),
    yes(21, "（ここ2週間）毎日の生活に充実感がない"),
    yes(
        22,
        "（ここ2週間）これまで楽しんでやれていたことが楽しめなくなった",
    ),
    yes(
        23,
        "（ここ2週間）以前は楽にできていたことが今ではおっくうに感じられる",
    ),
    yes(24, "（ここ2週間）自分が役に立つ人間だと思えない"),
    yes(25, "（ここ2週間）わけもなく疲れたような感じがする"),
];

/// Question `number` (1–25).
pub fn question(number: u8) -> Option<&'static Question> {
    QUESTIONS.get(usize::from(number).checked_sub(1)?)
}

/// 身長 and 体重 for question 12, in tenths: millimetres and hectograms
/// (0.1 kg), as the form is written to one decimal at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyMeasures {
    height_mm: u16,
    weight_hg: u16,
}

/// The bounds [`BodyMeasures::new`] accepts: a typing slip (170 kg for
/// 170 cm, a missing digit) must not score question 12.
pub const HEIGHT_MM: (u16, u16) = (500, 2500);
/// The weight bounds, in hectograms (10.0–300.0 kg).
pub const WEIGHT_HG: (u16, u16) = (100, 3000);

impl BodyMeasures {
    /// 身長 in millimetres (50.0–250.0 cm) and 体重 in hectograms
    /// (10.0–300.0 kg); `None` outside those bounds.
    pub fn new(height_mm: u16, weight_hg: u16) -> Option<BodyMeasures> {
        let ok = (HEIGHT_MM.0..=HEIGHT_MM.1).contains(&height_mm)
            && (WEIGHT_HG.0..=WEIGHT_HG.1).contains(&weight_hg);
        ok.then_some(BodyMeasures {
            height_mm,
            weight_hg,
        })
    }

    /// 身長 in millimetres.
    pub fn height_mm(self) -> u16 {
        self.height_mm
    }

    /// 体重 in hectograms.
    pub fn weight_hg(self) -> u16 {
        self.weight_hg
    }

    /// Whether BMI < 18.5, exactly: BMI = (w/10) ÷ (h/1000)² = 100000·w ÷ h²,
    /// so BMI < 18.5 ⇔ 200000·w < 37·h² (integers; a BMI of exactly 18.5
    /// does not count).
    pub fn underweight(self) -> bool {
        let w = u64::from(self.weight_hg);
        let h = u64::from(self.height_mm);
        200_000 * w < 37 * h * h
    }

    /// The BMI to print, in tenths, rounded half up (四捨五入) — the rule
    /// `BMI_PRINT_ROUNDING`. Printing only: [`BodyMeasures::underweight`]
    /// compares the exact value.
    pub fn bmi_tenths(self) -> u32 {
        // BMI·10 = 1000000·w ÷ h²; half up: ⌊(2·1000000·w + h²) ÷ 2h²⌋.
        let w = u64::from(self.weight_hg);
        let h2 = u64::from(self.height_mm) * u64::from(self.height_mm);
        u32::try_from((2_000_000 * w + h2) / (2 * h2)).unwrap_or(u32::MAX)
    }
}

/// How the printed BMI is rounded: to one decimal, half up. No source
/// prints a rule (the form leaves 「BMI＝　　」 blank); listed in
/// `docs/readings.md`.
pub const BMI_PRINT_ROUNDING: &str = "one decimal, half up (四捨五入)";

/// The 24 はい/いいえ answers of a checklist, by question (12 has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Answers([Answer; 25]);

impl Answers {
    /// The answer to question `number` (`None` for 12 and outside 1–25).
    pub fn get(&self, number: u8) -> Option<Answer> {
        if number == 12 {
            return None;
        }
        self.0.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// The same answers with question `number` answered `answer`; `None`
    /// for 12 and outside 1–25.
    pub fn with(mut self, number: u8, answer: Answer) -> Option<Answers> {
        if number == 12 {
            return None;
        }
        *self.0.get_mut(usize::from(number).checked_sub(1)?)? = answer;
        Some(self)
    }

    /// The answers from a list of the 24 answered questions in order (1–11,
    /// 13–25); `None` unless there are exactly 24.
    pub fn from_list(list: &[Answer]) -> Option<Answers> {
        if list.len() != 24 {
            return None;
        }
        let mut all = [Answer::No; 25];
        for (slot, answer) in all
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| *i != 11)
            .map(|(_, s)| s)
            .zip(list)
        {
            *slot = *answer;
        }
        Some(Answers(all))
    }

    /// The 24 answers in order (1–11, 13–25).
    pub fn to_list(&self) -> Vec<Answer> {
        (1..=25).filter_map(|n| self.get(n)).collect()
    }
}

code_enum! {
    /// The 事業対象者 criteria: a person qualifies when any one is met.
    pub enum Criterion {
        /// No.1–20: 10 or more count.
        Overall = "overall", "No.1～20のうち10項目以上に該当";
        /// No.6–10: 3 or more.
        Motor = "motor", "No.6～10のうち3項目以上に該当";
        /// No.11–12: both.
        Nutrition = "nutrition", "No.11～12の2項目すべてに該当";
        /// No.13–15: 2 or more.
        Oral = "oral", "No.13～15のうち2項目以上に該当";
        /// No.16.
        Housebound = "housebound", "No.16に該当";
        /// No.18–20: 1 or more.
        Memory = "memory", "No.18～20のうちいずれか1項目以上に該当";
        /// No.21–25: 2 or more.
        Mood = "mood", "No.21～25のうち2項目以上に該当";
    }
}

/// A checklist filled in: the answers and question 12's measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Checklist {
    answers: Answers,
    measures: BodyMeasures,
}

impl Checklist {
    /// Every question answered the way that does not count, derived from
    /// [`QUESTIONS`] (slot 12, never read, holds `No`).
    // Evaluated while compiling: an index out of bounds fails the build,
    // it cannot panic at run time.
    #[allow(clippy::indexing_slicing)]
    pub const HEALTHY: Answers = {
        let mut all = [Answer::No; 25];
        let mut i = 0;
        while i < QUESTIONS.len() {
            if let Counts::When(counting) = QUESTIONS[i].counts {
                all[i] = counting.opposite();
            }
            i += 1;
        }
        Answers(all)
    };

    /// A checklist from its answers and measures.
    pub fn new(answers: Answers, measures: BodyMeasures) -> Checklist {
        Checklist { answers, measures }
    }

    /// The answers.
    pub fn answers(&self) -> Answers {
        self.answers
    }

    /// Question 12's measures.
    pub fn measures(&self) -> BodyMeasures {
        self.measures
    }

    /// Whether question `number` counts (該当); `None` outside 1–25.
    pub fn counts(&self, number: u8) -> Option<bool> {
        match question(number)?.counts {
            Counts::When(answer) => Some(self.answers.get(number)? == answer),
            Counts::BmiUnder18_5 => Some(self.measures.underweight()),
        }
    }

    /// How many questions count from `first` to `last`.
    fn tally(&self, first: u8, last: u8) -> u8 {
        let counted = (first..=last).filter(|n| self.counts(*n) == Some(true));
        u8::try_from(counted.count()).unwrap_or(u8::MAX)
    }

    /// How many questions of the domain count: the tally the plan prints
    /// (computed, never typed in).
    pub fn count(&self, domain: Domain) -> u8 {
        let (first, last) = domain.questions();
        self.tally(first, last)
    }

    /// Whether one criterion is met.
    pub fn meets(&self, criterion: Criterion) -> bool {
        match criterion {
            Criterion::Overall => self.tally(1, 20) >= 10,
            Criterion::Motor => self.count(Domain::Motor) >= 3,
            Criterion::Nutrition => self.count(Domain::Nutrition) == 2,
            Criterion::Oral => self.count(Domain::Oral) >= 2,
            Criterion::Housebound => self.counts(16) == Some(true),
            Criterion::Memory => self.count(Domain::Memory) >= 1,
            Criterion::Mood => self.count(Domain::Mood) >= 2,
        }
    }

    /// The criteria met, in order.
    pub fn criteria_met(&self) -> Vec<Criterion> {
        Criterion::ALL
            .into_iter()
            .filter(|c| self.meets(*c))
            .collect()
    }

    /// Whether the answers make the person a 事業対象者 (any criterion met).
    pub fn meets_jigyo_criteria(&self) -> bool {
        Criterion::ALL.into_iter().any(|c| self.meets(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn measures() -> BodyMeasures {
        BodyMeasures::new(1600, 550).unwrap()
    }

    fn with_counting(numbers: &[u8]) -> Checklist {
        let mut a = Checklist::HEALTHY;
        for n in numbers {
            a = a.with(*n, Answer::counting(*n).unwrap()).unwrap();
        }
        Checklist::new(a, measures())
    }

    #[test]
    fn the_healthy_answers_count_nowhere() {
        let list = Checklist::new(Checklist::HEALTHY, measures());
        assert!((1..=25).all(|n| list.counts(n) == Some(false)));
        assert!(!list.meets_jigyo_criteria());
        assert_eq!(Checklist::HEALTHY.get(1), Some(Answer::Yes));
        assert_eq!(Checklist::HEALTHY.get(9), Some(Answer::No));
    }

    #[test]
    fn the_answer_that_counts_is_the_forms() {
        // 0.はい 1.いいえ for these; 1.はい 0.いいえ for the rest.
        let no_counts = [1, 2, 3, 4, 5, 6, 7, 8, 16, 19];
        for q in QUESTIONS {
            let want = match q.number {
                12 => Counts::BmiUnder18_5,
                n if no_counts.contains(&n) => Counts::When(Answer::No),
                _ => Counts::When(Answer::Yes),
            };
            assert_eq!(q.counts, want, "{}", q.number);
        }
        assert_eq!(question(0), None);
        assert_eq!(question(26), None);
        assert_eq!(question(25).map(|q| q.number), Some(25));
    }

    #[test]
    fn domains_cover_the_questions_once() {
        let mut seen = Vec::new();
        for d in Domain::ALL {
            let (first, last) = d.questions();
            seen.extend(first..=last);
        }
        assert_eq!(seen, (1..=25).collect::<Vec<u8>>());
        let sizes: Vec<u8> = Domain::ALL.into_iter().map(Domain::size).collect();
        assert_eq!(sizes, [5, 5, 2, 3, 2, 3, 5]);
        assert!(!Domain::Life.printed_on_plan());
    }

    #[test]
    fn bmi_is_compared_exactly() {
        // 200.0 cm, 74.0 kg: BMI exactly 18.5, which does not count.
        assert!(!BodyMeasures::new(2000, 740).unwrap().underweight());
        assert!(BodyMeasures::new(2000, 739).unwrap().underweight());
        // 160.0 cm: 18.5 × 2.56 = 47.36 kg.
        assert!(BodyMeasures::new(1600, 473).unwrap().underweight());
        assert!(!BodyMeasures::new(1600, 474).unwrap().underweight());
        assert_eq!(BodyMeasures::new(2000, 740).unwrap().bmi_tenths(), 185);
        // 47.3 / 2.56 = 18.4765… → 18.5 printed, yet it counts.
        assert_eq!(BodyMeasures::new(1600, 473).unwrap().bmi_tenths(), 185);
        // 55.0 / 2.56 = 21.484… → 21.5.
        assert_eq!(BodyMeasures::new(1600, 550).unwrap().bmi_tenths(), 215);
        // 200.0 cm: BMI·10 = w ÷ 4. 74.2 kg → 18.55 → 18.6 (half up); 74.1 kg → 18.525 → 18.5.
        assert_eq!(BodyMeasures::new(2000, 742).unwrap().bmi_tenths(), 186);
        assert_eq!(BodyMeasures::new(2000, 741).unwrap().bmi_tenths(), 185);
        assert_eq!(BodyMeasures::new(499, 500), None);
        assert_eq!(BodyMeasures::new(1600, 3001), None);
        assert!(BodyMeasures::new(2500, 3000).is_some());
    }

    #[test]
    fn each_criterion_at_its_threshold() {
        let cases: [(Criterion, &[u8], &[u8]); 7] = [
            (
                Criterion::Overall,
                &[1, 2, 3, 4, 5, 8, 11, 13, 17, 19],
                &[1, 2, 3, 4, 5, 8, 11, 13, 17],
            ),
            (Criterion::Motor, &[6, 7, 8], &[6, 7]),
            (Criterion::Oral, &[13, 14], &[13]),
            (Criterion::Housebound, &[16], &[17]),
            (Criterion::Memory, &[20], &[]),
            (Criterion::Mood, &[21, 25], &[21]),
            (Criterion::Nutrition, &[11], &[]),
        ];
        for (criterion, met, not_met) in cases {
            if criterion == Criterion::Nutrition {
                // Both 11 and a BMI under 18.5.
                let thin = BodyMeasures::new(1600, 470).unwrap();
                let list = with_counting(met);
                assert!(!list.meets(criterion));
                assert!(Checklist::new(list.answers(), thin).meets(criterion));
                assert!(!Checklist::new(Checklist::HEALTHY, thin).meets(criterion));
                continue;
            }
            assert!(with_counting(met).meets(criterion), "{criterion:?} {met:?}");
            assert!(
                !with_counting(not_met).meets(criterion),
                "{criterion:?} {not_met:?}"
            );
        }
        assert_eq!(with_counting(&[16]).criteria_met(), [Criterion::Housebound]);
        assert_eq!(with_counting(&[17]).criteria_met(), []);
    }

    #[test]
    fn answers_as_a_list_of_24() {
        let list = with_counting(&[1, 25]).answers().to_list();
        assert_eq!(list.len(), 24);
        assert_eq!(
            Answers::from_list(&list),
            Some(with_counting(&[1, 25]).answers())
        );
        assert_eq!(Answers::from_list(&list[1..]), None);
        assert_eq!(Checklist::HEALTHY.with(12, Answer::Yes), None);
        assert_eq!(Checklist::HEALTHY.with(26, Answer::Yes), None);
        assert_eq!(Checklist::HEALTHY.get(0), None);
    }

    fn answer() -> impl Strategy<Value = Answer> {
        prop_oneof![Just(Answer::Yes), Just(Answer::No)]
    }

    proptest! {
        #[test]
        fn tallies_and_criteria_follow_the_answers(
            list in proptest::collection::vec(answer(), 24),
            height in HEIGHT_MM.0..=HEIGHT_MM.1,
            weight in WEIGHT_HG.0..=WEIGHT_HG.1,
        ) {
            let answers = Answers::from_list(&list).unwrap();
            prop_assert_eq!(answers.to_list(), list);
            let m = BodyMeasures::new(height, weight).unwrap();
            let c = Checklist::new(answers, m);
            let total: u8 = Domain::ALL.into_iter().map(|d| c.count(d)).sum();
            prop_assert_eq!(usize::from(total), (1..=25).filter(|n| c.counts(*n) == Some(true)).count());
            prop_assert_eq!(c.counts(12), Some(m.underweight()));
            // The exact test agrees with rational arithmetic in f64 away from the boundary.
            let bmi = f64::from(weight) / 10.0 / (f64::from(height) / 1000.0).powi(2);
            if (bmi - 18.5).abs() > 1e-9 {
                prop_assert_eq!(m.underweight(), bmi < 18.5);
            }
            prop_assert!((f64::from(m.bmi_tenths()) / 10.0 - bmi).abs() <= 0.05 + 1e-9);
            prop_assert_eq!(c.meets_jigyo_criteria(), !c.criteria_met().is_empty());
            prop_assert_eq!(c.meets(Criterion::Overall), (1..=20).filter(|n| c.counts(*n) == Some(true)).count() >= 10);
        }
    }
}
