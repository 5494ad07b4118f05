"""When a phrase that looks like a claim is not one: negated, refuted, asked, reported, quoted, a trial's own
finding, or a true statement about standard care (see ../shared/caution-layer.md, "What must not be flagged").

This module holds the cue words and what a text's context is made of (its sentences, quotes and paragraphs, found
once per text, so the cost does not grow with the number of claim patterns); rules.py holds the rules that use them.
Cues are written for folded text (lower case, Simplified characters, see folding.py).
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from .sentences import sentence_spans

# Read on the original text: folding turns dashes into spaces.
CLAUSE_END = re.compile(r"[,，:：;；()（）—–]| - ")

QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", '"': '"', "‘": "’", "'": "'"}

# Words that negate what follows them in the same clause.
EN_NEGATION = re.compile(
    r"\b(?:no(?! doubt| question| wonder)|not(?! only| just)|never|cannot|can't|can ?not|won't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|"
    r"hasn't|haven't|shouldn't|without|nor|neither|none|nothing|nobody|unproven|unlikely|fails? to|failed to|"
    r"unable to|lacks?|lacking|no longer|far from|rather than|instead of)\b"
)
# Negation of the verb reaches across the whole clause: "is not a disease that stem cells have been shown to reverse".
EN_CLAUSE_NEGATION = re.compile(
    r"\b(?:(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would|should) not|\w+n't|cannot|never|"
    r"none of|no one|nobody|nothing|neither)\b"
)
# Sentence negation in Chinese reaches across the whole clause: 还没有哪一项试验测量到……
ZH_CLAUSE_NEGATION = re.compile(r"(?:没有|并未|尚未|从未|未曾|还没|并没|从来没|不能证明|没能)")
ZH_NEGATION = re.compile(
    r"(?:不(?!少|断|仅|但|错|久|同|管|过|论|停|再|适|良|得不)|没|無|无(?!论|数|比)|未|非(?!常)|别|勿|莫|难以|否认|并非|绝非|"
    r"谈不上|算不上)"
)
# Words anywhere in the sentence that say the claim is false, unproven or to be distrusted.
EN_REFUTATION = re.compile(
    r"\b(?:no (?:good |reliable |clear |strong |scientific )?(?:evidence|proof|data)|not (?:true|proven|been (?:shown|proven))|"
    r"false|untrue|myths?|misleading|unproven|exaggerat\w*|uncertain\w*|beware|be wary|wary of|warning signs?|red flags?|scams?|"
    r"don't believe|do not believe|don't trust|do not trust|so called|too good to be true|has(?:n't| not) been (?:shown|proven)|"
    r"have(?:n't| not) been (?:shown|proven)|is not supported|are not supported|not supported by|not backed|unsupported|"
    r"no basis|no trial|no study|no studies|(?:can|could|may|might|will) be (?:dangerous|harmful|risky|deadly|life.threatening)|"
    r"(?:is|are) dangerous)\b"
)
ZH_REFUTATION = re.compile(
    r"(?:没有证据|缺乏证据|尚无证据|没有可靠证据|证据不足|不成立|不是真的|并不属实|不属实|虚假|误导|夸大|谣言|骗局|陷阱|警惕|小心|当心|"
    r"别信|不要相信|不可信|所谓|未经证实|尚未证实|并未证实|没有被证实|未被证实|没有证实|不确定|危险信号|警示|不靠谱|忽悠|"
    r"没有试验|没有研究|不可能|等说法|的说法|这种说法|这类说法|流传|商业宣传|是不对的|并不对|不正确|并不正确|是错误的|是错的|"
    r"可能很危险|很危险|非常危险|有危险|危及生命)"
)
# Words right after the phrase that put it in someone else's mouth ("miracle cures advertised online").
EN_DISTANCING_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:advertised|promoted|marketed|sold|touted|claimed|offered|promised|peddled|hyped)\b"
)
EN_DISTANCING = re.compile(
    r"\b(?:claims?|claimed|claiming|promises?|promised|promising that|adverts?|advertis\w*|ads?|marketed|marketing|"
    r"brochures?|leaflets? from|salesm[ae]n|sellers?|some clinics|some websites|some companies|they say|they tell|"
    r"may tell you|will tell you|told (?:you|him|her|them|us)|purport\w*|allegedly|boast\w*|touts?|touted|"
    r"headlines?|headlined|article said|post said|says?|said|told me|tells me|(?:are|is|were|was|being|get|gets) told|calls? it|called it|the idea that|"
    r"the notion that|the belief that|the view that|rumou?rs?|asks? you to|asked you to|wants? you to|charges? you)\b"
)
ZH_DISTANCING = re.compile(
    r"(?:声称|号称|宣称|宣传|广告|鼓吹|吹嘘|承诺|打着|自称|标榜|有人说|有些人说|有的.{0,6}说|据说|传言|推销|标题|说法|"
    r"写着|写道|称其|称之为|所说的|口中的|告诉您|告诉你|会说|(?:^|[\s，,：:；;])说$|据.{0,20}报道|报道称|"
    r"(?:有些|有的|一些|某些)(?:网站|诊所|机构|广告|文章|医院|公司|商家|自媒体|视频))"
)
FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b|我们|本院|本中心|本公司|我院|我司|本机构")
# A question or a condition: the sentence does not assert the claim.
EN_CONDITIONAL = re.compile(r"\b(?:if|whether|unless|suppose|supposing|in case|what|how well|how much)\b")
ZH_QUESTION_END = re.compile(r"(?:吗|么)\W*$")
ZH_CONDITIONAL = re.compile(
    r"(?:是否|能否|可否|有没有|会不会|能不能|是不是|可不可以|如果|假如|假若|要是|万一|若是|倘若|若)"
)
# A report of what a trial saw in its own participants.
EN_TRIAL_REPORT = re.compile(
    r"\b(?:(?:was|were) (?:seen|reported|observed|recorded|found|noted)|(?:reported|observed|recorded|saw|had|experienced|"
    r"developed) (?:no|none|any)|in (?:\d+|all|any|each|both|none) (?:of )?(?:the )?(?:\d+ )?(?:people|patients|participants|"
    r"volunteers|subjects)|during (?:the )?(?:study|trial|treatment|follow up|infusion)|(?:the|this|that|our) (?:study|trial) "
    r"(?:found|reported|saw|recorded)|reported|observed|recorded|in the (?:trial|study)|the authors|"
    r"there (?:were|was) (?:no|none)|(?:it|they|the study|the trial) measured|"
    r"\b(?!(?:in|since|by|from|until|before|after|to|of|during|between|treated|around)\b)[a-z]{3,} (?:19|20)\d\d)\b"
)
ZH_TRIAL_REPORT = re.compile(
    r"(?:\d+\s*(?:名|例|位|个|人)|试验中|研究中|随访|观察到|报告|报道|未出现|均未|期间|受试者|结果显示|研究发现|试验发现|作者)"
)
# True statements about standard care are not claims about cell therapy.
EN_STANDARD_CARE = re.compile(
    r"\b(?:transplant\w*|antivirals?|antiviral (?:medicines?|drugs?|treatment)|entecavir|tenofovir|interferon|"
    r"(?:stopping|stop|quitting) (?:drinking|alcohol)|diuretics?|water tablets|lactulose|rifaximin|beta.blockers?|"
    r"treating (?:the )?(?:cause|hepatitis|virus|infection)|"
    r"(?:hepatitis b|hepatitis c|hbv|hcv|the virus|the cause) (?:is|was|are|has been|have been) (?:treated|controlled|"
    r"suppressed|removed))\b"
)
ZH_STANDARD_CARE = re.compile(
    r"(?:肝移植|肝脏移植|换肝|抗病毒|利尿|限盐|少吃盐|乳果糖|利福昔明|受体阻滞剂|恩替卡韦|替诺福韦|干扰素|戒酒|治疗病因|控制病毒|治疗乙肝|治疗丙肝|乙肝治疗|丙肝治疗|"
    r"(?:乙肝|乙型肝炎|b型肝炎|b肝|丙肝|丙型肝炎|c型肝炎|c肝|病毒|病因).{0,8}?(?:治疗|控制|抑制|清除))"
)
# "Unlike a transplant, …": standard care named only to contrast with the therapy being sold.
CONTRAST = re.compile(
    r"\b(?:unlike|compared (?:with|to)|instead of|rather than|better than|than a)\b|不像|不同于|相比|比起|而不是|却|与其|不如"
)
# "…when hepatitis B is treated": standard care named after the claim, as its condition.
CONDITION_AFTER = re.compile(r"\b(?:when|after|once|if|as long as|provided)\b|只要|如果|当|之后|以后|后")
# Saying that proof is still needed is not a claim of proof.
EN_UNSETTLED = re.compile(
    r"\b(?:(?:is|are) needed|needs? to|need more|more research|further (?:research|studies|trials)|larger (?:trials|studies)|"
    r"yet to be|remains? to be|to be (?:confirmed|proven|tested|seen)|too early|early days|still being (?:studied|tested))\b"
)
ZH_UNSETTLED = re.compile(
    r"(?:需要(?:更多|更大|进一步|更多的)?(?:研究|试验|证据|证明|验证|数据)|有待|仍需|还需|尚需|需进一步|进一步研究|更大规模|还在研究|"
    r"仍在研究|尚在研究|为时尚早|还太早)"
)
# An approval for another disease (a blood disorder, graft-versus-host disease) is a fact, not a claim about the liver.
OTHER_INDICATION = re.compile(
    r"graft.versus.host|gvhd|blood disorders?|blood.forming|cord blood|leuk[a]?emia|lymphoma|移植物抗宿主|血液病|血液疾病|白血病|"
    r"淋巴瘤|脐带血|造血"
)
# Words of certainty that a trial report does not excuse.
CERTAINTY = re.compile(
    r"prove|proven|proof|confirm|guarantee|100%|rate|证实|证明|保证|百分之百|权威|有效率|治愈率|成功率|好转率|康复率"
)
# A rhetorical question asserts its answer ("How could your own cells harm you?"): it is not a real question.
RHETORICAL = re.compile(
    r"\b(?:how could|how can|why would|who says|who said)\b|怎么可能|哪有|哪里会|怎么会|难道|谁说|岂"
)
# "Your doctor may stop the water tablets": a clinician changing medicines is care, not advice to skip it.
CLINICIAN_DECIDES = re.compile(
    r"\b(?:doctors?|hepatologists?|liver (?:team|doctor|nurse)s?|nurses?|consultants?) (?:may|will|might|can|could|would|"
    r"usually|often|sometimes)\b|(?:医生|大夫|医护人员|医院)(?:会|可能|可以|也许|通常|往往|一般)"
)
CELL_THERAPY = re.compile(
    r"\b(?:stem|cell therap\w*|cell treatment\w*|mscs?|regenerative|heplpc|progenitor|infusions? of (?:\w+ )?cells|"
    r"(?:own|your|donor|healthy|young) cells)\b|"
    r"干细胞|细胞治疗|细胞疗法|间充质|脐带|再生医学|细胞回输|肝前体"
)

# Which checks apply to which categories: a trial's safety report is not a no-risk claim, and standard care may
# truthfully cure (a transplant) or let scarring lessen (antivirals).
TRIAL_REPORT_CATEGORIES = {"no-risk", "proven"}
STANDARD_CARE_CATEGORIES = {"cure", "reversal", "proven", "no-risk", "approved"}
UNSETTLED_CATEGORIES = {"cure", "reversal", "proven", "approved"}
# Sales pressure is still sales pressure in a question or an "if" clause ("If you call today…").
ASSERTION_ONLY_CATEGORIES = {"urgency"}
# A quotation that mentions a phrase (scare quotes) is not a claim; a long quotation or one introduced by a colon
# is someone speaking (a testimonial), and is judged like any other sentence.
MENTION_LENGTH = {"en": 60, "zh": 20}

PRE_WINDOW = {"en": 48, "zh": 14}


@dataclass
class Sentence:
    start: int
    end: int


class TextContext:
    """Sentences, clauses and quotations of one text, found once."""

    def __init__(self, text, folded):
        self.text, self.folded = text, folded
        self.sentences = [Sentence(start, end) for start, end in sentence_spans(text)] or [Sentence(0, len(text))]
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.quotes = self._quotes(text)  # in order, not overlapping
        self.quote_starts = [q_start for q_start, _q_end in self.quotes]
        self.quote_ends = [q_end for _q_start, q_end in self.quotes]

    @staticmethod
    def _quotes(text):
        """(start, end) of quoted passages, up to one paragraph long."""
        quotes, opening = [], None
        for index, character in enumerate(text):
            if opening is not None:
                closer = QUOTE_PAIRS[text[opening]]
                if character == closer and not (closer in "’'" and text[index + 1 : index + 2].isalnum()):
                    quotes.append((opening, index + 1))
                    opening = None
                elif character == "\n" or index - opening > 400:
                    opening = None
            if opening is None and character in QUOTE_PAIRS and not (quotes and quotes[-1][1] == index + 1):
                if character in "‘'" and index and text[index - 1].isalnum():
                    continue  # an apostrophe, not a quotation
                opening = index
        return quotes

    def sentence_index(self, position):
        return max(bisect_right(self.sentence_starts, position) - 1, 0)

    def sentence_at(self, position):
        return self.sentences[self.sentence_index(position)]

    def paragraph(self, position):
        """The folded text of the paragraph (between line breaks) at position."""
        start = self.folded.rfind("\n", 0, position) + 1
        end = self.folded.find("\n", position)
        return self.folded[start : end if end != -1 else len(self.folded)]

    def quote_around(self, position):
        """The quotation that contains position, or None."""
        index = bisect_right(self.quote_starts, position - 1) - 1
        if index >= 0 and self.quotes[index][0] < position < self.quotes[index][1]:
            return self.quotes[index]
        return None

    def mention_quote(self, start, end, script):
        """Is [start, end) inside a quotation that mentions a phrase, rather than one that reports speech?"""
        quote = self.quote_around(start) or self.quote_around(end)
        if quote is None:
            return False
        q_start, q_end = quote
        if self.text[q_start] == "《":  # a title, whatever its length
            return True
        introduced = self.text[max(0, q_start - 3) : q_start].rstrip().endswith((":", "："))
        return not introduced and q_end - q_start <= MENTION_LENGTH[script]

    def crosses_quote(self, start, end):
        """Does a quotation mark stand strictly inside [start, end)?"""
        opening = bisect_right(self.quote_starts, start)
        if opening < len(self.quote_starts) and self.quote_starts[opening] < end:
            return True
        closing = bisect_right(self.quote_ends, start + 1)
        return closing < len(self.quote_ends) and self.quote_ends[closing] - 1 < end

    def same_sentence(self, start, end):
        return self.sentence_at(start).end >= end
