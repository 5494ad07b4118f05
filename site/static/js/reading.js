/* Reading help, progressive enhancement only: without this file the "Larger text" switch posts to the server and
   the read-aloud buttons stay hidden. */
(function () {
  "use strict";

  /* The easier-reading mode: the same cookie the server sets, so the next page is rendered in the same mode. */
  var COOKIE = "reading_mode";
  var EASY_CLASS = "reading-easy";
  var root = document.documentElement;
  var modeForms = document.querySelectorAll("[data-reading-mode-form]");

  function cookieSaysEasy() {
    return document.cookie.split(";").some(function (part) { return part.trim() === COOKIE + "=easy"; });
  }

  function showMode(easy) {
    root.classList.toggle(EASY_CLASS, easy);
    modeForms.forEach(function (form) {
      form.querySelector("input[name=mode]").value = easy ? "standard" : "easy";
      form.querySelector("button").setAttribute("aria-pressed", easy ? "true" : "false");
    });
  }

  function saveMode(easy) {
    var attributes = "; path=/; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
    document.cookie = easy ? COOKIE + "=easy; max-age=31536000" + attributes : COOKIE + "=; max-age=0" + attributes;
  }

  modeForms.forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var easy = form.querySelector("input[name=mode]").value === "easy";
      saveMode(easy);
      showMode(easy);
    });
  });

  // A page shown again from the browser's memory (Back, Forward) may predate the reader's last switch.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) showMode(cookieSaysEasy());
  });

  /* Read aloud with the browser's own speech synthesis: the page's main part (the emergency rule included), in
     Mandarin or English. */
  var aloud = document.querySelector("[data-read-aloud]");
  var main = document.querySelector("main");
  if (!aloud || !main || !("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window)) return;

  var synth = window.speechSynthesis;
  var startButton = aloud.querySelector("[data-read-aloud-start]");
  var pauseButton = aloud.querySelector("[data-read-aloud-pause]");
  var stopButton = aloud.querySelector("[data-read-aloud-stop]");
  var pageLanguage = speechLanguageOf(main);
  // Mandarin voices first (mainland, then any other); zh-HK voices speak Cantonese.
  var VOICE_PREFERENCES = { "zh-CN": ["zh-cn", "cmn-hans", "cmn", "zh-sg", "zh-tw", "zh"], "en-GB": ["en-gb", "en"] };
  var HAN = /[\u3400-\u9fff]/;
  var LATIN_WORD = /[A-Za-z]{3}/;
  // Text in an element laid out inline runs on; any other element (a paragraph, a list item, a table cell) ends it.
  var INLINE_DISPLAY = /^(inline|contents)/;
  // Not read: drawings, controls, the list of sources and the page's short link (addresses read aloud are noise).
  var SKIPPED = "svg, script, style, form, nav, [hidden], [aria-hidden='true'], .term-definition, .reading-tools, " +
    ".sources, .share";
  var SENTENCE_ENDS = "。！？；";
  var run = 0;

  function speechLanguageOf(element) {
    var holder = element.closest("[lang]");
    return holder && holder.getAttribute("lang").toLowerCase().indexOf("zh") === 0 ? "zh-CN" : "en-GB";
  }

  // A sentence all in one script is read in that language (an English paper title on a Chinese page, a Chinese
  // advert quoted on an English page); a mixed one in its block's language.
  function sentenceLanguage(sentence, blockLanguage) {
    var han = HAN.test(sentence);
    var latin = LATIN_WORD.test(sentence);
    if (han && !latin) return "zh-CN";
    if (latin && !han) return "en-GB";
    return blockLanguage;
  }

  function bestVoice(language) {
    var voices = synth.getVoices();
    var preferences = VOICE_PREFERENCES[language];
    for (var i = 0; i < preferences.length; i++) {
      for (var j = 0; j < voices.length; j++) {
        var tag = voices[j].lang.replace("_", "-").toLowerCase();
        if (tag.indexOf(preferences[i]) === 0 && tag.indexOf("zh-hk") !== 0) return voices[j];
      }
    }
    return null;
  }

  // The button shows only if the browser can speak the page's language (or has not yet said which voices it has).
  function offerReading() {
    if (aloud.dataset.state === "speaking" || aloud.dataset.state === "paused") return;
    aloud.hidden = synth.getVoices().length > 0 && !bestVoice(pageLanguage);
  }

  // Short pieces: some browsers stop a long utterance after about 15 seconds.
  function sentences(text) {
    var pieces = [];
    var current = "";
    for (var i = 0; i < text.length; i++) {
      var character = text.charAt(i);
      current += character;
      var next = text.charAt(i + 1);
      // "Dec. 2" and "e.g. the" go on: an English sentence ends before a space and a capital (or the end).
      var ends = SENTENCE_ENDS.indexOf(character) >= 0 ||
        (".!?;".indexOf(character) >= 0 && (next === "" || (next === " " && !/[a-z0-9]/.test(text.charAt(i + 2)))));
      if ((ends || (current.length > 200 && (character === " " || character === "，"))) && current.trim()) {
        pieces.push(current.trim());
        current = "";
      }
    }
    if (current.trim()) pieces.push(current.trim());
    return pieces;
  }

  // The main part's text in reading order, cut where a block ends or the language changes.
  function pageSentences() {
    var pieces = [];
    var buffer = "";
    var bufferLanguage = pageLanguage;

    function flush() {
      sentences(buffer.replace(/\s+/g, " ").trim()).forEach(function (sentence) {
        pieces.push({ text: sentence, language: sentenceLanguage(sentence, bufferLanguage) });
      });
      buffer = "";
    }

    function walk(element) {
      element.childNodes.forEach(function (child) {
        if (child.nodeType === Node.TEXT_NODE) {
          var language = speechLanguageOf(element);
          if (language !== bufferLanguage && child.nodeValue.trim()) {
            flush();
            bufferLanguage = language;
          }
          buffer += child.nodeValue;
        } else if (child.nodeType === Node.ELEMENT_NODE && !child.matches(SKIPPED)) {
          var display = getComputedStyle(child).display;
          if (display === "none") return;
          var inline = INLINE_DISPLAY.test(display) && child.tagName !== "BR";
          if (!inline) flush();
          walk(child);
          if (!inline) flush();
        }
      });
    }

    walk(main);
    flush();
    return pieces;
  }

  function setState(state) {
    var focusWasHere = aloud.contains(document.activeElement);
    aloud.dataset.state = state;
    startButton.hidden = state !== "idle";
    pauseButton.hidden = stopButton.hidden = state === "idle";
    pauseButton.textContent = state === "paused" ? pauseButton.dataset.resumeLabel : pauseButton.dataset.pauseLabel;
    if (focusWasHere) (state === "idle" ? startButton : pauseButton).focus();
  }

  function speak(pieces, index, thisRun) {
    if (thisRun !== run) return;
    if (index >= pieces.length) {
      setState("idle");
      return;
    }
    var utterance = new SpeechSynthesisUtterance(pieces[index].text);
    utterance.lang = pieces[index].language;
    var voice = bestVoice(pieces[index].language);
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    utterance.onend = function () { speak(pieces, index + 1, thisRun); };
    utterance.onerror = function (event) {
      if (thisRun === run && event.error !== "interrupted" && event.error !== "canceled") stop();
    };
    synth.speak(utterance);
  }

  function stop() {
    run += 1;
    synth.cancel();
    setState("idle");
  }

  startButton.addEventListener("click", function () {
    stop();
    setState("speaking");
    speak(pageSentences(), 0, run);
  });
  pauseButton.addEventListener("click", function () {
    if (aloud.dataset.state === "paused") {
      synth.resume();
      setState("speaking");
    } else {
      synth.pause();
      setState("paused");
    }
  });
  stopButton.addEventListener("click", stop);
  window.addEventListener("pagehide", function () {
    run += 1;
    synth.cancel();
  });

  aloud.dataset.state = "idle";
  offerReading();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offerReading);
})();
