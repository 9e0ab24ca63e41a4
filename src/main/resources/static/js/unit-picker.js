// Unit pickers (templates/fragments/units.html): shows the filter box that the page leaves
// hidden without JavaScript, and hides the units whose name and region do not contain what is
// typed. A unit already chosen always stays in view, so that filtering never hides a choice.
(function () {
	'use strict';

	function normalise(text) {
		return (text || '').replace(/\s+/g, '').toLowerCase();
	}

	function filter(picker, typed) {
		var wanted = normalise(typed);
		var shown = 0;
		picker.querySelectorAll('.unit-picker__item').forEach(function (item) {
			var input = item.querySelector('input');
			var matches = wanted === '' || input.checked || normalise(item.textContent).indexOf(wanted) >= 0;
			item.hidden = !matches;
			if (matches) {
				shown++;
			}
		});
		picker.querySelectorAll('.unit-picker__group').forEach(function (group) {
			group.hidden = group.querySelector('.unit-picker__item:not([hidden])') === null;
		});
		var none = picker.querySelector('[data-unit-none]');
		if (none) {
			none.hidden = shown > 0;
		}
	}

	function enhance(picker) {
		if (picker.dataset.unitPickerReady) {
			return;
		}
		picker.dataset.unitPickerReady = 'true';
		var box = picker.querySelector('[data-unit-filter]');
		var input = box && box.querySelector('input');
		if (!input) {
			return;
		}
		box.hidden = false;
		input.addEventListener('input', function () {
			filter(picker, input.value);
		});
		// Enter in the filter box must not submit the form half-filled.
		input.addEventListener('keydown', function (event) {
			if (event.key === 'Enter') {
				event.preventDefault();
			}
		});
	}

	function enhanceAll(root) {
		root.querySelectorAll('[data-unit-picker]').forEach(enhance);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', function () {
			enhanceAll(document);
		});
	}
	else {
		enhanceAll(document);
	}
	// Parts of a page swapped in by htmx get their pickers enhanced too.
	document.addEventListener('htmx:afterSettle', function (event) {
		enhanceAll(event.target);
	});
}());
