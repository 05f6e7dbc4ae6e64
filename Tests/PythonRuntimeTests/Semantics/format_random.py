#### spec0
v = 1.5
print(repr(f"{v:=+#,.12c}"))
#### spec1
v = False
print(repr(f"{v:x< 3,.12%}"))
#### spec2
v = float("nan")
print(repr(f"{v:0>3_E}"))
#### spec3
v = False
print(repr(f"{v:*= 1_.0F}"))
#### spec4
v = 987654321
print(repr("{:<015,E}|{!r:>8}".format(v, v)))
#### spec5
v = -255
print(repr(f"{v: 1.12%}"))
#### spec6
v = False
print(repr("{:<-.12g}|{!r:>8}".format(v, v)))
#### spec7
v = -2.5
print(repr("{:<-1.6b}|{!r:>8}".format(v, v)))
#### spec8
v = -1.005
print(repr(f"{v:-#3.6d}"))
#### spec9
v = 1.5
print(repr("{:^ n}|{!r:>8}".format(v, v)))
#### spec10
v = 1.5
print(repr(f"{v:<-015,b}"))
#### spec11
v = float("nan")
print(repr(f"{v:^-7,.1f}"))
#### spec12
v = float("nan")
print(repr(f"{v:^+3,.12G}"))
#### spec13
v = float("nan")
print(repr("{:= 1,n}|{!r:>8}".format(v, v)))
#### spec14
v = 2.675
print(repr("{:<-015.3n}|{!r:>8}".format(v, v)))
#### spec15
v = 0
print(repr(f"{v:*>-1_.3%}"))
#### spec16
v = -2.5
print(repr("{:=-#,d}|{!r:>8}".format(v, v)))
#### spec17
v = -2.5
print(repr(f"{v:0<7.1F}"))
#### spec18
v = -255
print(repr(f"{v:^ 3,.0x}"))
#### spec19
v = 1.5
print(repr(f"{v:x= 12.3}"))
#### spec20
v = -0.0
print(repr(f"{v:=-7,.0g}"))
#### spec21
v = 7
print(repr("{:-3.3d}|{!r:>8}".format(v, v)))
#### spec22
v = -2.5
print(repr("{:*> 3.6%}|{!r:>8}".format(v, v)))
#### spec23
v = 987654321
print(repr(f"{v:=#1.0f}"))
#### spec24
v = True
print(repr(f"{v:<-12_.6G}"))
#### spec25
v = 7
print(repr(f"{v:^+1,.12}"))
#### spec26
v = float("nan")
print(repr(f"{v:< .0F}"))
#### spec27
v = 9.99999
print(repr(f"{v:= z1.1o}"))
#### spec28
v = -0.0
print(repr("{:3,.12b}|{!r:>8}".format(v, v)))
#### spec29
v = 7
print(repr(f"{v:>+,.12c}"))
#### spec30
v = -1.005
print(repr(f"{v:x>+12.3}"))
#### spec31
v = 0
print(repr(f"{v:<+#3.6E}"))
#### spec32
v = float("-inf")
print(repr(f"{v:x^7.3f}"))
#### spec33
v = 987654321
print(repr(f"{v:x<1.3s}"))
#### spec34
v = float("nan")
print(repr(f"{v:<+7,.6f}"))
#### spec35
v = 9.99999
print(repr(f"{v:> .3d}"))
#### spec36
v = 7
print(repr(f"{v:<-_.6o}"))
#### spec37
v = 0.5
print(repr(f"{v:0^+1,}"))
#### spec38
v = -255
print(repr("{:^7.6g}|{!r:>8}".format(v, v)))
#### spec39
v = 0
print(repr(f"{v:*<-_E}"))
#### spec40
v = -2.5
print(repr("{:0^ 12_.1b}|{!r:>8}".format(v, v)))
#### spec41
v = 255
print(repr(f"{v:*>,.1s}"))
#### spec42
v = float("nan")
print(repr("{:-015.1X}|{!r:>8}".format(v, v)))
#### spec43
v = 1e100
print(repr(f"{v:>+,.3%}"))
#### spec44
v = 1e-5
print(repr("{:^-#.6f}|{!r:>8}".format(v, v)))
#### spec45
v = -2.5
print(repr("{:015_}|{!r:>8}".format(v, v)))
#### spec46
v = 123456.789
print(repr(f"{v:*>+#1,.3e}"))
#### spec47
v = True
print(repr(f"{v:<-#12.1X}"))
#### spec48
v = 123456.789
print(repr(f"{v:<-3_.0F}"))
#### spec49
v = 2.675
print(repr("{:<+.6E}|{!r:>8}".format(v, v)))
#### spec50
v = 'hello'
print(repr(f"{v:x=z#7}"))
#### spec51
v = -7
print(repr(f"{v:>+015,.0%}"))
#### spec52
v = 255
print(repr(f"{v:<-7_.1X}"))
#### spec53
v = 0.5
print(repr("{:*>-015.0E}|{!r:>8}".format(v, v)))
#### spec54
v = 987654321
print(repr("{:=+12,}|{!r:>8}".format(v, v)))
#### spec55
v = 0.5
print(repr(f"{v:x>12,.1G}"))
#### spec56
v = 255
print(repr(f"{v:>1_.0d}"))
#### spec57
v = -7
print(repr("{:^ 7,%}|{!r:>8}".format(v, v)))
#### spec58
v = 0.5
print(repr("{:0>1_o}|{!r:>8}".format(v, v)))
#### spec59
v = 1e-5
print(repr(f"{v:<+1,.12}"))
#### spec60
v = False
print(repr("{:*^+7.1}|{!r:>8}".format(v, v)))
#### spec61
v = -1.005
print(repr("{: 12.0F}|{!r:>8}".format(v, v)))
#### spec62
v = -7
print(repr(f"{v:=+3_.6d}"))
#### spec63
v = 2.675
print(repr(f"{v: 7,.12}"))
#### spec64
v = 7
print(repr("{:< #12,.1}|{!r:>8}".format(v, v)))
#### spec65
v = 7
print(repr("{:+7.1n}|{!r:>8}".format(v, v)))
#### spec66
v = -255
print(repr(f"{v:-1_.3x}"))
#### spec67
v = 1e-5
print(repr(f"{v: 3_.1X}"))
#### spec68
v = 987654321
print(repr(f"{v:-015.0s}"))
#### spec69
v = 9.99999
print(repr(f"{v:^+1.0F}"))
#### spec70
v = -0.0
print(repr("{:<-_.3g}|{!r:>8}".format(v, v)))
#### spec71
v = 1e100
print(repr(f"{v:^-3.12f}"))
#### spec72
v = float("-inf")
print(repr(f"{v:^+1,G}"))
#### spec73
v = 7
print(repr("{:x^+3_G}|{!r:>8}".format(v, v)))
#### spec74
v = float("-inf")
print(repr("{:^-12.3n}|{!r:>8}".format(v, v)))
#### spec75
v = -255
print(repr(f"{v:^ 7_.6o}"))
#### spec76
v = 'é'
print(repr(f"{v: z015,.0e}"))
#### spec77
v = 0
print(repr(f"{v:>#_.3}"))
#### spec78
v = 'hello'
print(repr("{:<+3_d}|{!r:>8}".format(v, v)))
#### spec79
v = 7
print(repr(f"{v:*<3,.1b}"))
#### spec80
v = 0
print(repr(f"{v:+#1,.1n}"))
#### spec81
v = float("nan")
print(repr(f"{v:> #,.6f}"))
#### spec82
v = 0
print(repr("{:>12,.12x}|{!r:>8}".format(v, v)))
#### spec83
v = 1e-5
print(repr(f"{v:=+12X}"))
#### spec84
v = -7
print(repr(f"{v:-1g}"))
#### spec85
v = False
print(repr("{:-7_.0G}|{!r:>8}".format(v, v)))
#### spec86
v = 'hello'
print(repr(f"{v:3,.0d}"))
#### spec87
v = float("-inf")
print(repr("{:>+1,.3e}|{!r:>8}".format(v, v)))
#### spec88
v = -7
print(repr(f"{v:<3,.3n}"))
#### spec89
v = 'é'
print(repr(f"{v:<+7,.3%}"))
#### spec90
v = -1.005
print(repr(f"{v:>7_.0e}"))
#### spec91
v = 7
print(repr(f"{v:*> z#e}"))
#### spec92
v = -7
print(repr(f"{v:0>-,.0X}"))
#### spec93
v = 1e100
print(repr("{:-3_%}|{!r:>8}".format(v, v)))
#### spec94
v = 7
print(repr(f"{v:>+#12,.12%}"))
#### spec95
v = 987654321
print(repr(f"{v:+7.6x}"))
#### spec96
v = -1.005
print(repr(f"{v:= 3_.6x}"))
#### spec97
v = -255
print(repr("{:^-1_.6e}|{!r:>8}".format(v, v)))
#### spec98
v = -7
print(repr("{:+12.6E}|{!r:>8}".format(v, v)))
#### spec99
v = 123456.789
print(repr("{:> 12%}|{!r:>8}".format(v, v)))
#### spec100
v = 1e-5
print(repr(f"{v:< 1,.1s}"))
#### spec101
v = 1e-5
print(repr("{:^+7.0o}|{!r:>8}".format(v, v)))
#### spec102
v = True
print(repr(f"{v:-z1_.6x}"))
#### spec103
v = -255
print(repr(f"{v:=+_X}"))
#### spec104
v = -2.5
print(repr(f"{v:= 015,f}"))
#### spec105
v = 'hello'
print(repr("{:<-_G}|{!r:>8}".format(v, v)))
#### spec106
v = 123456.789
print(repr("{:<+3.3F}|{!r:>8}".format(v, v)))
#### spec107
v = 7
print(repr("{: 12.0E}|{!r:>8}".format(v, v)))
#### spec108
v = 255
print(repr(f"{v:> .3s}"))
#### spec109
v = -0.0
print(repr("{:0= 015.3g}|{!r:>8}".format(v, v)))
#### spec110
v = -255
print(repr(f"{v:^-3.6d}"))
#### spec111
v = True
print(repr(f"{v: _.0f}"))
#### spec112
v = float("-inf")
print(repr("{:+015,.0g}|{!r:>8}".format(v, v)))
#### spec113
v = 9.99999
print(repr(f"{v:>7.0E}"))
#### spec114
v = -255
print(repr(f"{v:0=-1,.1F}"))
#### spec115
v = 1.5
print(repr(f"{v:<12_b}"))
#### spec116
v = 123456.789
print(repr(f"{v: 015,.1d}"))
#### spec117
v = 1e-5
print(repr(f"{v:= z,.6g}"))
#### spec118
v = -0.0
print(repr("{:^015_.0d}|{!r:>8}".format(v, v)))
#### spec119
v = -255
print(repr(f"{v:<-015x}"))
#### spec120
v = -0.0
print(repr("{:^ _.3d}|{!r:>8}".format(v, v)))
#### spec121
v = -1.005
print(repr(f"{v:<-z1,.6}"))
#### spec122
v = -2.5
print(repr("{:^-,.6G}|{!r:>8}".format(v, v)))
#### spec123
v = -255
print(repr(f"{v:-3,.0f}"))
#### spec124
v = 7
print(repr("{:= ,.0g}|{!r:>8}".format(v, v)))
#### spec125
v = 0.5
print(repr(f"{v:>-1_.3G}"))
#### spec126
v = False
print(repr(f"{v:^.0n}"))
#### spec127
v = True
print(repr("{:x^+3,}|{!r:>8}".format(v, v)))
#### spec128
v = 7
print(repr(f"{v:>+1_f}"))
#### spec129
v = 'hello'
print(repr("{:<+1d}|{!r:>8}".format(v, v)))
#### spec130
v = 0
print(repr("{:^ 12.3s}|{!r:>8}".format(v, v)))
#### spec131
v = 'hello'
print(repr("{:*>-#.6d}|{!r:>8}".format(v, v)))
#### spec132
v = float("nan")
print(repr(f"{v:<1,.3E}"))
#### spec133
v = 1.5
print(repr("{:0^ 7_.6s}|{!r:>8}".format(v, v)))
#### spec134
v = float("-inf")
print(repr(f"{v:>+7_.1F}"))
#### spec135
v = 123456.789
print(repr("{:>+3.1E}|{!r:>8}".format(v, v)))
#### spec136
v = 2.675
print(repr(f"{v: #7_.3s}"))
#### spec137
v = False
print(repr(f"{v:=+z#7_.0o}"))
#### spec138
v = 1e-5
print(repr("{:> #1.6%}|{!r:>8}".format(v, v)))
#### spec139
v = 0
print(repr(f"{v:*>+,.1x}"))
#### spec140
v = 2.675
print(repr(f"{v:> 015.1o}"))
#### spec141
v = False
print(repr(f"{v:x>-12.1g}"))
#### spec142
v = -2.5
print(repr(f"{v: 3,.6E}"))
#### spec143
v = -0.0
print(repr(f"{v:=+1,.6c}"))
#### spec144
v = 'é'
print(repr(f"{v:,.3o}"))
#### spec145
v = float("nan")
print(repr("{:=+#7.0d}|{!r:>8}".format(v, v)))
#### spec146
v = 0
print(repr(f"{v:z7_b}"))
#### spec147
v = -1.005
print(repr(f"{v:=-#3_d}"))
#### spec148
v = float("nan")
print(repr(f"{v:^ 7d}"))
#### spec149
v = 987654321
print(repr(f"{v:^ 3.0o}"))
#### spec150
v = 1.5
print(repr("{:015_.6}|{!r:>8}".format(v, v)))
#### spec151
v = -255
print(repr("{:>+#1_.12c}|{!r:>8}".format(v, v)))
#### spec152
v = 2.675
print(repr(f"{v:<-.6g}"))
#### spec153
v = 9.99999
print(repr(f"{v:*= 1,.3E}"))
#### spec154
v = float("nan")
print(repr("{:0^015.6c}|{!r:>8}".format(v, v)))
#### spec155
v = -0.0
print(repr(f"{v:^3.12d}"))
#### spec156
v = 987654321
print(repr(f"{v:0>-3,.0F}"))
#### spec157
v = float("-inf")
print(repr("{:^1,.1s}|{!r:>8}".format(v, v)))
#### spec158
v = 0.5
print(repr(f"{v:<+1.12o}"))
#### spec159
v = 1e-5
print(repr(f"{v:*>1,.0f}"))
#### spec160
v = 2.675
print(repr(f"{v:<7.3%}"))
#### spec161
v = 0.5
print(repr("{:+#7,.1s}|{!r:>8}".format(v, v)))
#### spec162
v = -2.5
print(repr(f"{v:^ 12.0f}"))
#### spec163
v = float("nan")
print(repr(f"{v:>-3.1f}"))
#### spec164
v = -1.005
print(repr("{:> 1,.12X}|{!r:>8}".format(v, v)))
#### spec165
v = 2.675
print(repr(f"{v:>#7,.12b}"))
#### spec166
v = 1.5
print(repr(f"{v:-015.3F}"))
#### spec167
v = -2.5
print(repr(f"{v:<-7,.0%}"))
#### spec168
v = -0.0
print(repr(f"{v:x^+7.12d}"))
#### spec169
v = float("nan")
print(repr(f"{v:>+,.1f}"))
#### spec170
v = 1e-5
print(repr(f"{v:>-12,.0c}"))
#### spec171
v = -255
print(repr(f"{v:-#,G}"))
#### spec172
v = 1e-5
print(repr(f"{v:=3_.0%}"))
#### spec173
v = 987654321
print(repr("{:=015.0d}|{!r:>8}".format(v, v)))
#### spec174
v = True
print(repr(f"{v:-#1.3}"))
#### spec175
v = 9.99999
print(repr("{: #,X}|{!r:>8}".format(v, v)))
#### spec176
v = float("nan")
print(repr("{:0<+#12.0X}|{!r:>8}".format(v, v)))
#### spec177
v = 'é'
print(repr(f"{v:1.1E}"))
#### spec178
v = 2.675
print(repr("{:0>-12,.12n}|{!r:>8}".format(v, v)))
#### spec179
v = float("-inf")
print(repr(f"{v:+12_.12n}"))
#### spec180
v = float("-inf")
print(repr(f"{v:+3_.1o}"))
#### spec181
v = 1e-5
print(repr(f"{v:^-1.1E}"))
#### spec182
v = 1e-5
print(repr(f"{v:^7_.0X}"))
#### spec183
v = 1e-5
print(repr("{:^ 015,.0%}|{!r:>8}".format(v, v)))
#### spec184
v = False
print(repr(f"{v:^+#1_.3o}"))
#### spec185
v = 7
print(repr(f"{v:^ 7.6G}"))
#### spec186
v = 'hello'
print(repr("{:<-1.12%}|{!r:>8}".format(v, v)))
#### spec187
v = -2.5
print(repr(f"{v:0> 1_f}"))
#### spec188
v = 1.5
print(repr(f"{v:<3,.0}"))
#### spec189
v = True
print(repr(f"{v:>+1_.0e}"))
#### spec190
v = -7
print(repr(f"{v:^3_.1E}"))
#### spec191
v = -2.5
print(repr(f"{v:*^3,.3G}"))
#### spec192
v = True
print(repr(f"{v:>7.12G}"))
#### spec193
v = 255
print(repr(f"{v:^ 3_%}"))
#### spec194
v = -255
print(repr(f"{v:*<-12,X}"))
#### spec195
v = 9.99999
print(repr("{:< #1,.6E}|{!r:>8}".format(v, v)))
#### spec196
v = -7
print(repr(f"{v:^3_.6o}"))
#### spec197
v = -1.005
print(repr(f"{v:^015.6s}"))
#### spec198
v = 0
print(repr(f"{v: 12,.12f}"))
#### spec199
v = 255
print(repr("{:0> 3,.6x}|{!r:>8}".format(v, v)))
#### spec200
v = -2.5
print(repr("{:015,.6f}|{!r:>8}".format(v, v)))
#### spec201
v = float("-inf")
print(repr("{:=+#015_.6f}|{!r:>8}".format(v, v)))
#### spec202
v = -1.005
print(repr("{:=3,.3e}|{!r:>8}".format(v, v)))
#### spec203
v = -255
print(repr("{:<#12_.3n}|{!r:>8}".format(v, v)))
#### spec204
v = False
print(repr("{:>+7,.0f}|{!r:>8}".format(v, v)))
#### spec205
v = -255
print(repr("{:<,.3X}|{!r:>8}".format(v, v)))
#### spec206
v = 255
print(repr(f"{v:3.1%}"))
#### spec207
v = 0.5
print(repr(f"{v:>+12_.0E}"))
#### spec208
v = float("nan")
print(repr("{:+,.1s}|{!r:>8}".format(v, v)))
#### spec209
v = 7
print(repr(f"{v:x>#1_.6}"))
#### spec210
v = 0
print(repr(f"{v:0=12_.3G}"))
#### spec211
v = 0
print(repr("{:>+7,.0b}|{!r:>8}".format(v, v)))
#### spec212
v = 2.675
print(repr("{:^+015_d}|{!r:>8}".format(v, v)))
#### spec213
v = 987654321
print(repr(f"{v:>+7_.0n}"))
#### spec214
v = 2.675
print(repr(f"{v:< 7_}"))
#### spec215
v = 'é'
print(repr("{:x=.12F}|{!r:>8}".format(v, v)))
#### spec216
v = -255
print(repr("{:< #3.12d}|{!r:>8}".format(v, v)))
#### spec217
v = 1e-5
print(repr(f"{v:^-,.0X}"))
#### spec218
v = -7
print(repr("{:^ #7.0s}|{!r:>8}".format(v, v)))
#### spec219
v = False
print(repr("{:< _.0x}|{!r:>8}".format(v, v)))
#### spec220
v = 255
print(repr("{:+7.12e}|{!r:>8}".format(v, v)))
#### spec221
v = 9.99999
print(repr(f"{v:=-12_.1}"))
#### spec222
v = True
print(repr(f"{v:>-_.6%}"))
#### spec223
v = 'é'
print(repr("{:=-#12_.3}|{!r:>8}".format(v, v)))
#### spec224
v = 7
print(repr("{:^+3_.12X}|{!r:>8}".format(v, v)))
#### spec225
v = -2.5
print(repr(f"{v: ,.1g}"))
#### spec226
v = True
print(repr(f"{v:=-3_.3G}"))
#### spec227
v = True
print(repr("{:<-7,.6}|{!r:>8}".format(v, v)))
#### spec228
v = 2.675
print(repr("{:_.3s}|{!r:>8}".format(v, v)))
#### spec229
v = 1.5
print(repr("{:=1.1%}|{!r:>8}".format(v, v)))
#### spec230
v = 1.5
print(repr("{:>-12,.1}|{!r:>8}".format(v, v)))
#### spec231
v = 1e100
print(repr(f"{v:^ _.3x}"))
#### spec232
v = 7
print(repr(f"{v:= 3_.1F}"))
#### spec233
v = float("nan")
print(repr("{:_.3E}|{!r:>8}".format(v, v)))
#### spec234
v = -0.0
print(repr("{:^-7,.0g}|{!r:>8}".format(v, v)))
#### spec235
v = 0
print(repr("{:^+12.12o}|{!r:>8}".format(v, v)))
#### spec236
v = -2.5
print(repr("{:12.12F}|{!r:>8}".format(v, v)))
#### spec237
v = -2.5
print(repr("{:*> 12.12e}|{!r:>8}".format(v, v)))
#### spec238
v = -2.5
print(repr("{:< _b}|{!r:>8}".format(v, v)))
#### spec239
v = False
print(repr("{:0< 7_.0E}|{!r:>8}".format(v, v)))
#### spec240
v = 255
print(repr("{:x<-7,.3d}|{!r:>8}".format(v, v)))
#### spec241
v = 0.5
print(repr("{: 015.6b}|{!r:>8}".format(v, v)))
#### spec242
v = -0.0
print(repr(f"{v:=-#.0}"))
#### spec243
v = 1.5
print(repr(f"{v:>12,.1g}"))
#### spec244
v = 123456.789
print(repr(f"{v:=-3.6G}"))
#### spec245
v = 123456.789
print(repr(f"{v:= 3_.1g}"))
#### spec246
v = 0
print(repr("{: 015_.6d}|{!r:>8}".format(v, v)))
#### spec247
v = 123456.789
print(repr("{:<3b}|{!r:>8}".format(v, v)))
#### spec248
v = 987654321
print(repr(f"{v:= #12.6n}"))
#### spec249
v = 987654321
print(repr("{:^ 7_.12%}|{!r:>8}".format(v, v)))
#### spec250
v = -7
print(repr(f"{v:=-#,.12G}"))
#### spec251
v = 9.99999
print(repr(f"{v:0> 7.1b}"))
#### spec252
v = float("nan")
print(repr("{:^-015,f}|{!r:>8}".format(v, v)))
#### spec253
v = 7
print(repr(f"{v:^ 12,.12d}"))
#### spec254
v = -1.005
print(repr(f"{v:0^-12,.12x}"))
#### spec255
v = -1.005
print(repr(f"{v:^+.12F}"))
#### spec256
v = 0.5
print(repr(f"{v:*> 7_%}"))
#### spec257
v = 7
print(repr(f"{v:*^ 7,.12x}"))
#### spec258
v = 1.5
print(repr(f"{v: _.0b}"))
#### spec259
v = 9.99999
print(repr(f"{v:<1_.1g}"))
#### spec260
v = 123456.789
print(repr(f"{v:3_.6e}"))
#### spec261
v = -7
print(repr(f"{v:=_.12o}"))
#### spec262
v = 2.675
print(repr(f"{v:0> .6d}"))
#### spec263
v = 2.675
print(repr("{:=3.3X}|{!r:>8}".format(v, v)))
#### spec264
v = 0.5
print(repr(f"{v:0>+12,.1n}"))
#### spec265
v = -7
print(repr(f"{v:*< 12_.1e}"))
#### spec266
v = -1.005
print(repr(f"{v:> 015,.1d}"))
#### spec267
v = -0.0
print(repr(f"{v:^+1_.0g}"))
#### spec268
v = 'é'
print(repr("{:< 12.0c}|{!r:>8}".format(v, v)))
#### spec269
v = 'é'
print(repr("{:+#015.0d}|{!r:>8}".format(v, v)))
#### spec270
v = -255
print(repr("{:>-12,.3b}|{!r:>8}".format(v, v)))
#### spec271
v = 2.675
print(repr(f"{v:>#_.3d}"))
#### spec272
v = 9.99999
print(repr("{:>-3.0e}|{!r:>8}".format(v, v)))
#### spec273
v = 1e-5
print(repr(f"{v:0= 3_.12b}"))
#### spec274
v = 0.5
print(repr(f"{v:<-3,x}"))
#### spec275
v = -2.5
print(repr(f"{v:0= 1,%}"))
#### spec276
v = -0.0
print(repr(f"{v: #7_.0n}"))
#### spec277
v = 1e-5
print(repr("{:<+_X}|{!r:>8}".format(v, v)))
#### spec278
v = 255
print(repr("{:0^ 015.12F}|{!r:>8}".format(v, v)))
#### spec279
v = 255
print(repr(f"{v:12_.3c}"))
#### spec280
v = 0
print(repr(f"{v:^-z#3.0E}"))
#### spec281
v = False
print(repr("{: _.0s}|{!r:>8}".format(v, v)))
#### spec282
v = float("-inf")
print(repr(f"{v:>+1_.12}"))
#### spec283
v = True
print(repr(f"{v:> 3,f}"))
#### spec284
v = 1.5
print(repr(f"{v:12_.0g}"))
#### spec285
v = 1e-5
print(repr(f"{v:-7_.3s}"))
#### spec286
v = -1.005
print(repr("{:<3.6b}|{!r:>8}".format(v, v)))
#### spec287
v = True
print(repr("{:^ 1_.1e}|{!r:>8}".format(v, v)))
#### spec288
v = float("-inf")
print(repr(f"{v:^ 1_.3g}"))
#### spec289
v = -2.5
print(repr("{:< ,.6X}|{!r:>8}".format(v, v)))
#### spec290
v = 1e100
print(repr(f"{v:<-z7,.12g}"))
#### spec291
v = 'hello'
print(repr(f"{v:0>+1_.6X}"))
#### spec292
v = 0.5
print(repr("{:>+7e}|{!r:>8}".format(v, v)))
#### spec293
v = -2.5
print(repr(f"{v:>1_.1G}"))
#### spec294
v = 'hello'
print(repr(f"{v:= #7,.1c}"))
#### spec295
v = -7
print(repr(f"{v:0^z,.3d}"))
#### spec296
v = 2.675
print(repr(f"{v:^#12_%}"))
#### spec297
v = 0.5
print(repr("{:>12_.0b}|{!r:>8}".format(v, v)))
#### spec298
v = -0.0
print(repr(f"{v:+#3_.1c}"))
#### spec299
v = -0.0
print(repr("{:x> 1.1X}|{!r:>8}".format(v, v)))
#### spec300
v = float("-inf")
print(repr("{:^+015_}|{!r:>8}".format(v, v)))
#### spec301
v = 'hello'
print(repr(f"{v:x>7_.3o}"))
#### spec302
v = 2.675
print(repr(f"{v:^015_.1e}"))
#### spec303
v = 'hello'
print(repr("{:*^ ,.1}|{!r:>8}".format(v, v)))
#### spec304
v = -1.005
print(repr(f"{v:> 3,.6o}"))
#### spec305
v = False
print(repr(f"{v:^-7,c}"))
#### spec306
v = 0.5
print(repr(f"{v:^+#.0g}"))
#### spec307
v = 'é'
print(repr(f"{v:x>+1.12n}"))
#### spec308
v = True
print(repr("{:<-015,o}|{!r:>8}".format(v, v)))
#### spec309
v = 0.5
print(repr(f"{v:<+.6o}"))
#### spec310
v = 123456.789
print(repr("{:< 015,.0X}|{!r:>8}".format(v, v)))
#### spec311
v = -1.005
print(repr("{:^+7_s}|{!r:>8}".format(v, v)))
#### spec312
v = 1e-5
print(repr(f"{v: 1,.12X}"))
#### spec313
v = -255
print(repr(f"{v:+7.6X}"))
#### spec314
v = float("-inf")
print(repr(f"{v:=-3,.6g}"))
#### spec315
v = True
print(repr(f"{v:<-.1E}"))
#### spec316
v = 7
print(repr(f"{v:+7_.1E}"))
#### spec317
v = -1.005
print(repr("{:>_.1d}|{!r:>8}".format(v, v)))
#### spec318
v = 987654321
print(repr("{:>-3.3e}|{!r:>8}".format(v, v)))
#### spec319
v = True
print(repr(f"{v:>-#1.3X}"))
#### spec320
v = 123456.789
print(repr("{:^-015,.12s}|{!r:>8}".format(v, v)))
#### spec321
v = 1.5
print(repr(f"{v:x^-12_.1c}"))
#### spec322
v = 0
print(repr(f"{v:>7.6g}"))
#### spec323
v = 7
print(repr(f"{v:< 015.1X}"))
#### spec324
v = -7
print(repr("{:x>3,.3X}|{!r:>8}".format(v, v)))
#### spec325
v = 'hello'
print(repr("{:x=+015_.12F}|{!r:>8}".format(v, v)))
#### spec326
v = 2.675
print(repr("{:<-3.6c}|{!r:>8}".format(v, v)))
#### spec327
v = 1.5
print(repr(f"{v:-#3.1X}"))
#### spec328
v = True
print(repr("{:<+#015.3n}|{!r:>8}".format(v, v)))
#### spec329
v = False
print(repr(f"{v:<+015_.6b}"))
#### spec330
v = 123456.789
print(repr(f"{v:*>-015.1b}"))
#### spec331
v = False
print(repr("{:>1_.12b}|{!r:>8}".format(v, v)))
#### spec332
v = 987654321
print(repr(f"{v:x=#3,.1%}"))
#### spec333
v = 987654321
print(repr(f"{v:=+,.0o}"))
#### spec334
v = -255
print(repr(f"{v:<+_.6E}"))
#### spec335
v = -2.5
print(repr("{:^ _.12x}|{!r:>8}".format(v, v)))
#### spec336
v = 255
print(repr(f"{v:*<+7.1%}"))
#### spec337
v = True
print(repr(f"{v:<+015.1b}"))
#### spec338
v = 9.99999
print(repr(f"{v:-.0E}"))
#### spec339
v = 255
print(repr(f"{v:>-.0c}"))
#### spec340
v = 255
print(repr("{:*> z#12,.0b}|{!r:>8}".format(v, v)))
#### spec341
v = True
print(repr(f"{v:+015_.6X}"))
#### spec342
v = 'hello'
print(repr(f"{v:*>-7.3b}"))
#### spec343
v = 1e100
print(repr(f"{v:=015,.1o}"))
#### spec344
v = -255
print(repr(f"{v:<-1_.1G}"))
#### spec345
v = 1e-5
print(repr("{:+015_.3F}|{!r:>8}".format(v, v)))
#### spec346
v = 'é'
print(repr(f"{v:<+12%}"))
#### spec347
v = False
print(repr("{:=-015,F}|{!r:>8}".format(v, v)))
#### spec348
v = 1e100
print(repr(f"{v:0=+7,.6%}"))
#### spec349
v = False
print(repr(f"{v:> 015,.0G}"))
#### spec350
v = 123456.789
print(repr(f"{v:> #7.3G}"))
#### spec351
v = 255
print(repr(f"{v:^+12_.0g}"))
#### spec352
v = 0.5
print(repr("{:^-3.1}|{!r:>8}".format(v, v)))
#### spec353
v = 'hello'
print(repr("{:>+3,E}|{!r:>8}".format(v, v)))
#### spec354
v = 0.5
print(repr("{:0> 015b}|{!r:>8}".format(v, v)))
#### spec355
v = 123456.789
print(repr(f"{v:>+7,.3c}"))
#### spec356
v = False
print(repr(f"{v:0>-3.0g}"))
#### spec357
v = 1.5
print(repr(f"{v:< 7_.6f}"))
#### spec358
v = 2.675
print(repr("{:x=+1,.1d}|{!r:>8}".format(v, v)))
#### spec359
v = -1.005
print(repr("{:>#,.6c}|{!r:>8}".format(v, v)))
#### spec360
v = 9.99999
print(repr(f"{v:x< z015e}"))
#### spec361
v = 1.5
print(repr(f"{v:=+,.0F}"))
#### spec362
v = 9.99999
print(repr("{:x>+015_.1d}|{!r:>8}".format(v, v)))
#### spec363
v = 123456.789
print(repr("{:< #3.12g}|{!r:>8}".format(v, v)))
#### spec364
v = 'hello'
print(repr(f"{v:>+1,.6x}"))
#### spec365
v = 'hello'
print(repr(f"{v:<-015_.12e}"))
#### spec366
v = -7
print(repr(f"{v:^-7,G}"))
#### spec367
v = 'é'
print(repr("{:0<+#_.1e}|{!r:>8}".format(v, v)))
#### spec368
v = True
print(repr("{:0<-#1_.3G}|{!r:>8}".format(v, v)))
#### spec369
v = float("-inf")
print(repr(f"{v:12,.3%}"))
#### spec370
v = 2.675
print(repr("{:<+z12.12x}|{!r:>8}".format(v, v)))
#### spec371
v = 255
print(repr("{:-3.6e}|{!r:>8}".format(v, v)))
#### spec372
v = False
print(repr(f"{v:>12_.6}"))
#### spec373
v = float("-inf")
print(repr("{:=-7,.12g}|{!r:>8}".format(v, v)))
#### spec374
v = 1.5
print(repr("{: 1_.12%}|{!r:>8}".format(v, v)))
#### spec375
v = 0.5
print(repr("{:=+015,.12n}|{!r:>8}".format(v, v)))
#### spec376
v = 0
print(repr("{:=7,.0G}|{!r:>8}".format(v, v)))
#### spec377
v = 'hello'
print(repr(f"{v:^ 3,.1G}"))
#### spec378
v = float("-inf")
print(repr(f"{v:>+7.0e}"))
#### spec379
v = -1.005
print(repr(f"{v:^-#.0s}"))
#### spec380
v = -7
print(repr(f"{v:0<-#3.12e}"))
#### spec381
v = 123456.789
print(repr(f"{v:>7.1e}"))
#### spec382
v = 0.5
print(repr(f"{v:+3,.3F}"))
#### spec383
v = -1.005
print(repr(f"{v:= z7_F}"))
#### spec384
v = 9.99999
print(repr("{:= ,.6b}|{!r:>8}".format(v, v)))
#### spec385
v = False
print(repr(f"{v:>7,.1E}"))
#### spec386
v = 1e100
print(repr(f"{v:<+12,.0n}"))
#### spec387
v = 255
print(repr(f"{v:<-12_.6%}"))
#### spec388
v = True
print(repr(f"{v: 7.6f}"))
#### spec389
v = 1.5
print(repr(f"{v:^-3,.1b}"))
#### spec390
v = 7
print(repr("{:+1.12X}|{!r:>8}".format(v, v)))
#### spec391
v = -255
print(repr(f"{v:*^-3.0b}"))
#### spec392
v = 0.5
print(repr(f"{v:=-015.1n}"))
#### spec393
v = -255
print(repr(f"{v:>#3.6n}"))
#### spec394
v = -0.0
print(repr("{:>+12_.12E}|{!r:>8}".format(v, v)))
#### spec395
v = -7
print(repr(f"{v:=-#_.3d}"))
#### spec396
v = 123456.789
print(repr("{:*>+3,.12x}|{!r:>8}".format(v, v)))
#### spec397
v = 1e-5
print(repr("{:>1,.6f}|{!r:>8}".format(v, v)))
#### spec398
v = -1.005
print(repr("{:>-12.12o}|{!r:>8}".format(v, v)))
#### spec399
v = 0
print(repr(f"{v:=-3,.0n}"))
#### spec400
v = True
print(repr(f"{v:^ 7,.0%}"))
#### spec401
v = -255
print(repr("{:=3.6d}|{!r:>8}".format(v, v)))
#### spec402
v = 1e-5
print(repr(f"{v:>-#7,.12d}"))
#### spec403
v = -2.5
print(repr(f"{v:^,.3n}"))
#### spec404
v = 'é'
print(repr("{:-#015_.0%}|{!r:>8}".format(v, v)))
#### spec405
v = -255
print(repr(f"{v:<015,.0g}"))
#### spec406
v = 1.5
print(repr("{:*>+7,f}|{!r:>8}".format(v, v)))
#### spec407
v = 7
print(repr(f"{v:*> 3_.0n}"))
#### spec408
v = -0.0
print(repr(f"{v:#1.6d}"))
#### spec409
v = 255
print(repr(f"{v:<-3,.6o}"))
#### spec410
v = 1e100
print(repr(f"{v:>+3,.12s}"))
#### spec411
v = 255
print(repr(f"{v:>-3G}"))
#### spec412
v = 255
print(repr(f"{v:=+3_.0G}"))
#### spec413
v = 0
print(repr(f"{v: 3,.12f}"))
#### spec414
v = 'hello'
print(repr(f"{v:-#7.1E}"))
#### spec415
v = 2.675
print(repr(f"{v:=#015_X}"))
#### spec416
v = 0.5
print(repr("{:x=-7,.0g}|{!r:>8}".format(v, v)))
#### spec417
v = float("nan")
print(repr(f"{v:^-1_.12f}"))
#### spec418
v = 9.99999
print(repr(f"{v:+3_.3X}"))
#### spec419
v = 987654321
print(repr(f"{v:^+_.6g}"))
#### spec420
v = False
print(repr("{:^+015.6x}|{!r:>8}".format(v, v)))
#### spec421
v = 1.5
print(repr(f"{v:0^+12_.0x}"))
#### spec422
v = -0.0
print(repr("{:=+3.12}|{!r:>8}".format(v, v)))
#### spec423
v = 255
print(repr(f"{v:0< 3_.12e}"))
#### spec424
v = 1.5
print(repr(f"{v:015_.3s}"))
#### spec425
v = 'hello'
print(repr(f"{v:= 015.12}"))
#### spec426
v = 'é'
print(repr("{:>12_e}|{!r:>8}".format(v, v)))
#### spec427
v = 'é'
print(repr(f"{v:-015_.12F}"))
#### spec428
v = -0.0
print(repr(f"{v:<12,.12b}"))
#### spec429
v = 2.675
print(repr("{:x>+7.6F}|{!r:>8}".format(v, v)))
#### spec430
v = float("nan")
print(repr(f"{v:*>z#1,.1E}"))
#### spec431
v = 'é'
print(repr(f"{v:<+#,.1o}"))
#### spec432
v = -1.005
print(repr(f"{v:*>+,.1%}"))
#### spec433
v = 0.5
print(repr(f"{v:-1,d}"))
#### spec434
v = -0.0
print(repr(f"{v:>-#3_.12s}"))
#### spec435
v = 123456.789
print(repr(f"{v:*>-1.1o}"))
#### spec436
v = -255
print(repr(f"{v:0^-12.0b}"))
#### spec437
v = False
print(repr("{:<7.6b}|{!r:>8}".format(v, v)))
#### spec438
v = -0.0
print(repr("{:>-3,.1b}|{!r:>8}".format(v, v)))
#### spec439
v = 9.99999
print(repr(f"{v:= 1.3}"))
#### spec440
v = 1e-5
print(repr("{:=+3_.0n}|{!r:>8}".format(v, v)))
#### spec441
v = 0
print(repr("{:<-7.0E}|{!r:>8}".format(v, v)))
#### spec442
v = 0
print(repr(f"{v:>+7.6}"))
#### spec443
v = 0
print(repr(f"{v:=1,.3X}"))
#### spec444
v = 7
print(repr("{:>z3,.12X}|{!r:>8}".format(v, v)))
#### spec445
v = -0.0
print(repr(f"{v:=7.3g}"))
#### spec446
v = -255
print(repr(f"{v:-.6d}"))
#### spec447
v = -255
print(repr(f"{v:< 7,.3n}"))
#### spec448
v = -0.0
print(repr(f"{v:^ 7.12d}"))
#### spec449
v = float("nan")
print(repr(f"{v:-7.12b}"))
#### spec450
v = 'hello'
print(repr("{:< #3.6x}|{!r:>8}".format(v, v)))
#### spec451
v = 123456.789
print(repr("{:< 12,.3n}|{!r:>8}".format(v, v)))
#### spec452
v = 1e100
print(repr(f"{v:>015_X}"))
#### spec453
v = -7
print(repr(f"{v:x>-7.6d}"))
#### spec454
v = 0.5
print(repr("{:0=+.12b}|{!r:>8}".format(v, v)))
#### spec455
v = 2.675
print(repr(f"{v:^ 1_.0X}"))
#### spec456
v = float("nan")
print(repr(f"{v:>-z12,.6f}"))
#### spec457
v = 987654321
print(repr("{:^7.0E}|{!r:>8}".format(v, v)))
#### spec458
v = False
print(repr(f"{v:x> 12_.1f}"))
#### spec459
v = -7
print(repr(f"{v:^-#12.0X}"))
#### spec460
v = 'é'
print(repr(f"{v:=-3,.12f}"))
#### spec461
v = 'é'
print(repr(f"{v:^ 3s}"))
#### spec462
v = float("-inf")
print(repr(f"{v:*<+7_.6%}"))
#### spec463
v = 'é'
print(repr(f"{v:^#7.12f}"))
#### spec464
v = 123456.789
print(repr("{:=12_.0c}|{!r:>8}".format(v, v)))
#### spec465
v = 'hello'
print(repr(f"{v:<3_.1%}"))
#### spec466
v = -255
print(repr(f"{v:>-#1_.6e}"))
#### spec467
v = 1e-5
print(repr("{:=3,.6X}|{!r:>8}".format(v, v)))
#### spec468
v = 987654321
print(repr(f"{v:-.12X}"))
#### spec469
v = 2.675
print(repr(f"{v:*>-3_.6e}"))
#### spec470
v = 'hello'
print(repr("{:=12,.6c}|{!r:>8}".format(v, v)))
#### spec471
v = 1.5
print(repr(f"{v:^ 7_.6G}"))
#### spec472
v = 9.99999
print(repr(f"{v:x^+12.12}"))
#### spec473
v = 1.5
print(repr("{:=12.3X}|{!r:>8}".format(v, v)))
#### spec474
v = 123456.789
print(repr("{:=-#12_.1G}|{!r:>8}".format(v, v)))
#### spec475
v = False
print(repr(f"{v:^-3,.0E}"))
#### spec476
v = -2.5
print(repr(f"{v:^ 015f}"))
#### spec477
v = True
print(repr("{:>+12,e}|{!r:>8}".format(v, v)))
#### spec478
v = 123456.789
print(repr(f"{v:=#015_.12o}"))
#### spec479
v = True
print(repr("{:^ 7.3E}|{!r:>8}".format(v, v)))
#### spec480
v = 'é'
print(repr(f"{v:*=+7.3}"))
#### spec481
v = -7
print(repr("{: 1.3c}|{!r:>8}".format(v, v)))
#### spec482
v = 'é'
print(repr(f"{v:>+,.1b}"))
#### spec483
v = -2.5
print(repr("{:<+_.3b}|{!r:>8}".format(v, v)))
#### spec484
v = float("-inf")
print(repr(f"{v:+_.12}"))
#### spec485
v = -2.5
print(repr("{:> 7,.0d}|{!r:>8}".format(v, v)))
#### spec486
v = True
print(repr(f"{v:> 1_.12e}"))
#### spec487
v = float("-inf")
print(repr(f"{v:<-12_f}"))
#### spec488
v = -255
print(repr(f"{v:^#015,.6b}"))
#### spec489
v = 1e100
print(repr("{:<#12.12n}|{!r:>8}".format(v, v)))
#### spec490
v = 9.99999
print(repr(f"{v:>-1_o}"))
#### spec491
v = True
print(repr(f"{v: #3,.3X}"))
#### spec492
v = False
print(repr(f"{v:x=#12,f}"))
#### spec493
v = 'hello'
print(repr(f"{v:0>+1_.6b}"))
#### spec494
v = 7
print(repr(f"{v:0>-#7,.12s}"))
#### spec495
v = 9.99999
print(repr(f"{v:< #1,.12x}"))
#### spec496
v = 'hello'
print(repr(f"{v:=015_.3%}"))
#### spec497
v = -7
print(repr("{:1.6n}|{!r:>8}".format(v, v)))
#### spec498
v = -1.005
print(repr(f"{v:= 015,.0x}"))
#### spec499
v = -2.5
print(repr(f"{v:<+7,.6e}"))
#### spec500
v = -7
print(repr("{:x=+7,.3s}|{!r:>8}".format(v, v)))
#### spec501
v = 'é'
print(repr(f"{v:<015,.12X}"))
#### spec502
v = -1.005
print(repr(f"{v:*>-7.1X}"))
#### spec503
v = -7
print(repr(f"{v:> X}"))
#### spec504
v = float("-inf")
print(repr(f"{v:>7,o}"))
#### spec505
v = 7
print(repr(f"{v:+#015_.12n}"))
#### spec506
v = 'hello'
print(repr("{:> 015,.1f}|{!r:>8}".format(v, v)))
#### spec507
v = 9.99999
print(repr(f"{v:^ ,.3b}"))
#### spec508
v = float("-inf")
print(repr(f"{v:-#7,.0s}"))
#### spec509
v = 123456.789
print(repr("{:<-7,.6X}|{!r:>8}".format(v, v)))
#### spec510
v = 1.5
print(repr("{:>7_.0%}|{!r:>8}".format(v, v)))
#### spec511
v = 7
print(repr("{:+1_.6%}|{!r:>8}".format(v, v)))
#### spec512
v = float("nan")
print(repr(f"{v:^+7,.0b}"))
#### spec513
v = -0.0
print(repr("{:>-12.3E}|{!r:>8}".format(v, v)))
#### spec514
v = 0.5
print(repr("{:^3_.6%}|{!r:>8}".format(v, v)))
#### spec515
v = 'hello'
print(repr("{:= _c}|{!r:>8}".format(v, v)))
#### spec516
v = False
print(repr(f"{v:>+3n}"))
#### spec517
v = 1e-5
print(repr(f"{v:<+_f}"))
#### spec518
v = 1e-5
print(repr("{:12.1n}|{!r:>8}".format(v, v)))
#### spec519
v = 1e100
print(repr("{:^,X}|{!r:>8}".format(v, v)))
#### spec520
v = 2.675
print(repr(f"{v:<015,.12e}"))
#### spec521
v = 'hello'
print(repr(f"{v:*>015,.12s}"))
#### spec522
v = 1.5
print(repr(f"{v:< 015,.3f}"))
#### spec523
v = -0.0
print(repr(f"{v:^-015_.6%}"))
#### spec524
v = 0.5
print(repr(f"{v:^-7.1o}"))
#### spec525
v = 0
print(repr("{:^015.0o}|{!r:>8}".format(v, v)))
#### spec526
v = True
print(repr(f"{v:x<+#,.1s}"))
#### spec527
v = 7
print(repr("{:*>+1.6b}|{!r:>8}".format(v, v)))
#### spec528
v = 'hello'
print(repr("{:*<-12,s}|{!r:>8}".format(v, v)))
#### spec529
v = 'hello'
print(repr(f"{v:3,.12}"))
#### spec530
v = -1.005
print(repr("{:0^+#3,g}|{!r:>8}".format(v, v)))
#### spec531
v = 987654321
print(repr("{:=+_.3g}|{!r:>8}".format(v, v)))
#### spec532
v = 7
print(repr(f"{v:0^+#12,.1X}"))
#### spec533
v = False
print(repr(f"{v:12_%}"))
#### spec534
v = 'é'
print(repr("{:x>015,.3x}|{!r:>8}".format(v, v)))
#### spec535
v = 1e-5
print(repr("{:0>12,.12d}|{!r:>8}".format(v, v)))
#### spec536
v = 'hello'
print(repr(f"{v:<-3.1f}"))
#### spec537
v = float("-inf")
print(repr("{:^1_.3x}|{!r:>8}".format(v, v)))
#### spec538
v = 9.99999
print(repr("{:#3.12s}|{!r:>8}".format(v, v)))
#### spec539
v = 'hello'
print(repr("{:*^-1.3F}|{!r:>8}".format(v, v)))
#### spec540
v = 9.99999
print(repr(f"{v:>-7.3n}"))
#### spec541
v = -0.0
print(repr("{:= 12_.6d}|{!r:>8}".format(v, v)))
#### spec542
v = True
print(repr(f"{v:<-_.3d}"))
#### spec543
v = -1.005
print(repr("{:>3f}|{!r:>8}".format(v, v)))
#### spec544
v = 7
print(repr("{:0> 7,.6%}|{!r:>8}".format(v, v)))
#### spec545
v = -255
print(repr(f"{v:^.1E}"))
#### spec546
v = 987654321
print(repr(f"{v:^+3,.6F}"))
#### spec547
v = 0
print(repr(f"{v:<015.3%}"))
#### spec548
v = -255
print(repr(f"{v:<-1_b}"))
#### spec549
v = 987654321
print(repr(f"{v:<-1.0f}"))
#### spec550
v = True
print(repr(f"{v:^#015_f}"))
#### spec551
v = 0
print(repr(f"{v:> 1.1}"))
#### spec552
v = -255
print(repr(f"{v:< 1.6g}"))
#### spec553
v = -0.0
print(repr("{:= 1_n}|{!r:>8}".format(v, v)))
#### spec554
v = 7
print(repr(f"{v:<-#015F}"))
#### spec555
v = 255
print(repr(f"{v:=7.12f}"))
#### spec556
v = -0.0
print(repr("{:^ 7,.0n}|{!r:>8}".format(v, v)))
#### spec557
v = 1e100
print(repr(f"{v:0>-12,.6E}"))
#### spec558
v = 0.5
print(repr(f"{v:*=+3%}"))
#### spec559
v = -0.0
print(repr("{:^#3,.3F}|{!r:>8}".format(v, v)))
#### spec560
v = float("nan")
print(repr("{:x>+z3.12f}|{!r:>8}".format(v, v)))
#### spec561
v = -1.005
print(repr(f"{v:<-#015,.12e}"))
#### spec562
v = 987654321
print(repr("{:= #12_.6c}|{!r:>8}".format(v, v)))
#### spec563
v = True
print(repr("{:*>+12_f}|{!r:>8}".format(v, v)))
#### spec564
v = 0.5
print(repr(f"{v:>+#1_.6F}"))
#### spec565
v = 123456.789
print(repr(f"{v:#7,.0n}"))
#### spec566
v = 0.5
print(repr(f"{v:x< 1.0n}"))
#### spec567
v = 'é'
print(repr("{:^ z1,d}|{!r:>8}".format(v, v)))
#### spec568
v = 1e-5
print(repr(f"{v:-7.0g}"))
#### spec569
v = -2.5
print(repr("{:<+_.12n}|{!r:>8}".format(v, v)))
#### spec570
v = -1.005
print(repr("{:^z3_.1f}|{!r:>8}".format(v, v)))
#### spec571
v = False
print(repr(f"{v:0=-,.12%}"))
#### spec572
v = False
print(repr("{:<-12,%}|{!r:>8}".format(v, v)))
#### spec573
v = True
print(repr(f"{v:*> .3G}"))
#### spec574
v = 9.99999
print(repr(f"{v:^ _.3G}"))
#### spec575
v = 123456.789
print(repr("{:>+1_.0b}|{!r:>8}".format(v, v)))
#### spec576
v = float("-inf")
print(repr(f"{v:= 1,.12s}"))
#### spec577
v = 0.5
print(repr("{:^+7,.3o}|{!r:>8}".format(v, v)))
#### spec578
v = -1.005
print(repr("{:<-7.3g}|{!r:>8}".format(v, v)))
#### spec579
v = 9.99999
print(repr(f"{v:^+#12_n}"))
#### spec580
v = float("nan")
print(repr(f"{v:<-7.1f}"))
#### spec581
v = 987654321
print(repr("{:0> 12_.12s}|{!r:>8}".format(v, v)))
#### spec582
v = 7
print(repr(f"{v:< _.6n}"))
#### spec583
v = 1e-5
print(repr("{:= ,.6c}|{!r:>8}".format(v, v)))
#### spec584
v = -255
print(repr(f"{v:=-#7.1o}"))
#### spec585
v = 7
print(repr(f"{v:>-7,.12X}"))
#### spec586
v = 987654321
print(repr(f"{v:*=+#3,.12g}"))
#### spec587
v = 7
print(repr(f"{v:=-12,.6E}"))
#### spec588
v = 987654321
print(repr(f"{v:<+1_.6%}"))
#### spec589
v = False
print(repr("{:x^+12_.12o}|{!r:>8}".format(v, v)))
#### spec590
v = -0.0
print(repr(f"{v:>+12.6g}"))
#### spec591
v = 1.5
print(repr(f"{v:0^+015,.3}"))
#### spec592
v = False
print(repr("{:^ #,.1G}|{!r:>8}".format(v, v)))
#### spec593
v = 123456.789
print(repr(f"{v:12_.1%}"))
#### spec594
v = 9.99999
print(repr(f"{v:+7c}"))
#### spec595
v = 0
print(repr(f"{v:>+z7.0e}"))
#### spec596
v = 'hello'
print(repr(f"{v:^+12X}"))
#### spec597
v = 'hello'
print(repr(f"{v:^+015_.0s}"))
#### spec598
v = float("-inf")
print(repr(f"{v:x>+#12_.12}"))
#### spec599
v = True
print(repr("{: 1_.12o}|{!r:>8}".format(v, v)))
