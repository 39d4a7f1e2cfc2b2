//! Korean cue words (matched inside words: particles and endings attach to them).

use super::{Answers, CueTable, Language, Renewals, Weights};

/// Korean: cues matched inside eojeols; a settled form is undone by a negation anywhere in
/// the sentence (않, 없, 못, 미정, 아직).
pub(crate) struct Korean;

impl Language for Korean {
    fn name(&self) -> &'static str {
        "Korean"
    }

    fn cues(&self) -> &'static CueTable {
        &TABLE
    }
}

static TABLE: CueTable = CueTable {
    strong: STRONG,
    medium: MEDIUM,
    weak: WEAK,
    settled: SETTLED,
    settling_verbs: &[],
    reported: &[],
    ruled_out: &[
        "못 박았",
        "선을 그었",
        "일축했",
        "계획은 없다",
        "계획이 없다",
    ],
    provisional: &["아직", "현재로서는", "지금으로서는", "당분간"],
    narrated: NARRATED,
    schedule: SCHEDULE,
    negators: NEGATION,
    whole_words: false,
    answers: Answers {
        yes: &["네", "예", "응", "맞아요", "맞습니다", "그렇습니다"],
        no: &["아니요", "아뇨", "아니오", "아니에요", "아닙니다"],
        leads: &[
            "안타깝게도",
            "다행히",
            "아쉽게도",
            "결론부터",
            "말하면",
            "결론은",
        ],
        subjects: &[],
        auxiliaries: &[],
        negation: "",
        status: &["확정", "발표", "공식", "편성", "공개", "제작", "결정"],
    },
    renewals: Renewals {
        reported: &[],
        hedges: &[],
        wanted_back: &[],
        asks_made: &["제작", "나올까", "나오나", "확정될까", "리뉴얼", "갱신"],
        season_words: &[],
        season_made: &[],
        not_made: &["언제", "방송", "방영", "공개", "출연", "돌아올"],
        not_made_openers: &[],
        asks_rescue: &[],
        not_rescue: &[],
        goes_on: &[],
        comes_back: &[],
        show_kinds: &[],
        rescue_objects: &[],
        rescuers: &[],
    },
    weights: Weights::DEFAULT,
};

/// Uncertainty, speculation, question forms, wishes and hints (matched inside words).
const STRONG: &[&str] = &[
    "수수께끼",
    "좋겠다",
    "미정",
    "불투명",
    "미지수",
    "불확실",
    "알려지지 않았",
    "알려진 바 없",
    "밝혀지지 않았",
    "공개되지 않았",
    "확정되지 않았",
    "결정되지 않았",
    "정해지지 않았",
    "확인되지 않았",
    "정해진 것은 없",
    "확정된 것은 없",
    "검토 중",
    "논의 중",
    "협의 중",
    "조율 중",
    "논의 단계",
    "관심이 쏠",
    "귀추가 주목",
    "궁금증",
    "할까",
    "될까",
    "나올까",
    "있을까",
    "올까",
    "열린 결말",
    "떡밥",
    "미확정",
    "여부",
    "밝힌 바 없",
    "밝힌 바가 없",
    "답을 주지 않",
    "답하지 않",
    "밝히지 않",
    "언급하지 않",
    "말하지 않",
    "공개하지 않",
    "희망",
    "바란다",
    "싶다",
    "싶은",
    "싶어",
    "의향",
    "의지를",
    "예고",
    "암시",
    "복선",
    "알 수 없",
    "모른다",
    // Where a season was left ("…를 발견하는 장면으로 끝났다", "결정을 미룬 채 끝나"): its open
    // threads.
    "장면으로 끝",
    "장면으로 마무리",
    "채 끝",
    "채로 끝",
    "끝이 났",
    "끝을 맺",
    "직전에 끝",
    // Not knowing, not explaining, declining to say ("진짜 모르겠어요", "그 의미는 설명되지
    // 않았다", "말을 아꼈다").
    "모르겠",
    "설명되지 않",
    "설명하지 않",
    "말을 아꼈",
    // A question ending written with a period ("과연 히바리는 살아 있는 것인가.").
    "것인가",
    "건가요",
    "는 건가",
    // Attention turning to someone ("관심은 원로배우 남순례에게 쏠린다").
    "쏠린다",
    "쏠리고",
    // A wish said politely ("꼭 연기하고 싶습니다", "그날을 기다리고 있겠습니다").
    "싶습니다",
    "싶어요",
    "기다리고 있겠",
    // Nothing said yet, life or death unknown ("아무런 발표도 되어 있지 않다", "현 시점에서
    // 말할 수 있는 것은 없다", "렌카의 생사는 …").
    "아무런 발표",
    "결정은 되지 않",
    "말할 수 있는 것은 없",
    "생사",
    "살아있는가",
    "살아 있는가",
    "의미하는가",
];

/// Hedges weaker than [`STRONG`] ones.
const MEDIUM: &[&str] = &[
    "것 같",
    "얘기가 있",
    "이야기가 있",
    "다고 해요",
    "다고 한다",
    "라고 한다",
    "소문",
    "것으로 보인다",
    "것으로 보여",
    "전망",
    "가능성",
    "관측이 나",
    "관측된다",
    "관측이다",
    "긍정적으로 검토",
    "긍정 검토",
    "검토하고 있",
    "물망",
    "추측",
    "루머",
    "의문",
    "기대를 모",
    "바라고",
    "요청",
    "아직",
    "예상",
    "목표로",
    "주목된다",
    "관심사",
    "찾지 못",
    "인지에 대해",
    "인지는",
    "는지에 대해",
    "는지는",
    "궁금",
    "할지",
    "될지",
    "올지",
    "을지",
    "를지",
    "질지",
    "기대감",
    "소망",
    "바람",
    "원한다",
    "출연 의사",
];

/// Future forms and conditionals.
const WEAK: &[&str] = &[
    "예정",
    "계획",
    "것으로 알려졌다",
    "기대",
    "만약",
    "다면",
    "라면",
];

/// Counter-cues for settled facts; ignored when the sentence negates.
const SETTLED: &[&str] = &[
    // Stems, so the polite endings count too ("확정됐습니다", "확정했어요").
    "확정됐",
    "확정되었",
    "확정했",
    "확정 지었",
    "확정된",
    "공개됐",
    "발표했",
];

/// Narration of what happened, the weaker counter-cues.
const NARRATED: &[&str] = &[
    "종영했다",
    "종영됐다",
    "방송됐다",
    "방영됐다",
    "막을 내렸",
    "수상했",
];

/// Schedule words: with a date given, a future form is a settled schedule.
const SCHEDULE: &[&str] = &["방송", "방영", "공개", "개봉", "첫선"];

/// Negation inside a sentence, which turns a settled form into an open one.
/// A conditional on a settling verb ("확정된다면", "확정되면") settles nothing either.
const NEGATION: &[&str] = &["않", "없", "못", "미정", "아직", "된다면", "되면", "한다면"];
